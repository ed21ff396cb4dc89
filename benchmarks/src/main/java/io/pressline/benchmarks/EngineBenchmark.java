package io.pressline.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.pressline.enrich.nlp.Enricher;
import io.pressline.enrich.quality.GoldArticle;
import io.pressline.enrich.quality.GoldSet;

/**
 * Articles per second through each engine, on the gold set's articles in turn:
 * Pressline's whole enrichment (segmentation, language, entities with linking, quotes,
 * keywords, topics, summary) against CoreNLP's default NER pipeline (entities only).
 * Tokens per second are articles per second times the corpus' tokens per article, which
 * QualityComparison prints.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -t 1
 * java -jar benchmarks/target/benchmarks.jar EngineBenchmark -t 2
 * </pre>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = { "-Xmx6g", "-Xms2g" })
public class EngineBenchmark {

	@State(Scope.Benchmark)
	public static class Engine {

		@Param({ "pressline", "corenlp-default" })
		public String engine;

		List<GoldArticle> corpus;

		Function<GoldArticle, Object> run;

		final AtomicInteger next = new AtomicInteger();

		@Setup(Level.Trial)
		public void load() {
			this.corpus = GoldSet.load();
			if (this.engine.equals("pressline")) {
				Enricher enricher = Enricher.standard();
				this.run = (article) -> enricher.enrich(article.article(), article.date());
			}
			else {
				CoreNlpDefaultPipeline coreNlp = new CoreNlpDefaultPipeline();
				this.run = (article) -> coreNlp.annotate(article.article().fullText(), article.date());
			}
		}

		GoldArticle nextArticle() {
			return this.corpus.get(Math.floorMod(this.next.getAndIncrement(), this.corpus.size()));
		}

	}

	@Benchmark
	public Object enrichOneArticle(Engine engine) {
		return engine.run.apply(engine.nextArticle());
	}

}
