package io.pressline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Locale;

import io.pressline.enrich.kb.WikipediaNames;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.quality.GoldArticle;

/**
 * The heap the enrichment engine keeps, as enrich-service holds it: the live heap after a
 * full collection with nothing loaded, with the Wikipedia names alone, and with the whole
 * engine after it has enriched the gold set's articles 01–134 a few times. Run it with
 * enrich-service's {@code -Xmx1g}: it fails with an OutOfMemoryError if the engine does
 * not fit.
 *
 * <pre>
 * java -Xmx1g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.EngineHeap
 * </pre>
 */
public final class EngineHeap {

	private EngineHeap() {
	}

	public static void main(String[] args) {
		List<GoldArticle> gold = GoldSplits.trainable();
		System.out.printf(Locale.ROOT, "max heap %d MiB%n", Runtime.getRuntime().maxMemory() >> 20);
		long base = liveHeap();
		System.out.printf(Locale.ROOT, "live heap, gold set loaded: %d MiB%n", base >> 20);
		WikipediaNames names = WikipediaNames.standard();
		long withNames = liveHeap();
		System.out.printf(Locale.ROOT, "Wikipedia names alone (%,d surfaces): %d MiB%n", names.size(),
				(withNames - base) >> 20);
		names = null;
		Enricher enricher = Enricher.standard();
		for (int pass = 0; pass < 3; pass++) {
			gold.forEach((article) -> enricher.enrich(article.article(), article.date()));
		}
		long engine = liveHeap();
		System.out.printf(Locale.ROOT, "whole engine after %d enrichments: %d MiB live (%d MiB above the base)%n",
				3 * gold.size(), engine >> 20, (engine - base) >> 20);
		MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
		System.out.printf(Locale.ROOT, "heap committed %d MiB, used %d MiB, max %d MiB%n", heap.getCommitted() >> 20,
				heap.getUsed() >> 20, heap.getMax() >> 20);
		// The engine stays live until here, as in the service.
		java.lang.ref.Reference.reachabilityFence(enricher);
	}

	private static long liveHeap() {
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		Runtime runtime = Runtime.getRuntime();
		return runtime.totalMemory() - runtime.freeMemory();
	}

}
