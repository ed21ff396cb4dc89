package io.pressline.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.quality.GoldArticle;

/**
 * CPU time per article of each engine on the same texts (the gold set's first set and
 * tuning half, or its first {@code articles}), measured with the thread's own CPU clock, so that other work on a shared
 * machine does not count: what EngineBenchmark's wall-clock throughput becomes when the
 * cores are not the benchmark's own. Each engine is warmed up with {@code warm-up} passes
 * over the corpus, then timed over {@code passes} passes.
 *
 * <pre>
 * java -Xmx6g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.EngineCpuCost [warm-up passes] [passes] [articles]
 * </pre>
 */
public final class EngineCpuCost {

	private EngineCpuCost() {
	}

	public static void main(String[] args) {
		int warmups = (args.length > 0) ? Integer.parseInt(args[0]) : 2;
		int passes = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		List<GoldArticle> corpus = new ArrayList<>(GoldSplits.training());
		corpus.addAll(GoldSplits.heldOut());
		if (args.length > 2) {
			corpus = corpus.subList(0, Math.min(corpus.size(), Integer.parseInt(args[2])));
		}
		Enricher enricher = Enricher.standard();
		double pressline = measure("pressline", corpus, warmups, passes,
				(article) -> enricher.enrich(article.article(), article.date()));
		CoreNlpDefaultPipeline coreNlp = new CoreNlpDefaultPipeline();
		double peer = measure("corenlp-default", corpus, warmups, passes,
				(article) -> coreNlp.annotate(article.article().fullText(), article.date()));
		System.out.printf(Locale.ROOT, "ratio: Pressline does %.1f times as many articles per CPU second%n",
				pressline / peer);
	}

	private static double measure(String engine, List<GoldArticle> corpus, int warmups, int passes,
			Consumer<GoldArticle> run) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		for (int pass = 0; pass < warmups; pass++) {
			corpus.forEach(run);
		}
		long cpu = threads.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		for (int pass = 0; pass < passes; pass++) {
			corpus.forEach(run);
		}
		double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
		double wallSeconds = (System.nanoTime() - wall) / 1e9;
		int articles = corpus.size() * passes;
		double rate = articles / cpuSeconds;
		System.out.printf(Locale.ROOT,
				"%s: %d articles, %.1f ms CPU per article, %.2f articles per CPU second "
						+ "(wall clock %.2f articles/s)%n",
				engine, articles, 1000 * cpuSeconds / articles, rate, articles / wallSeconds);
		return rate;
	}

}
