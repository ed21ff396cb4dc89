package io.pressline.enrich.nlp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The enrichment engine alone, without Kafka or Spring: reads drafts (one JSON object per
 * line, with {@code headline} and {@code body}), enriches each on one thread, the way the
 * enrich stage does, and prints one line,
 * {@code engine articles/s=<rate> words/s=<rate>}. The load harness runs it from the
 * enrich-service jar to set the pipeline against the engine in the same run:
 *
 * <pre>
 * java -cp enrich-service.jar -Dloader.main=io.pressline.enrich.nlp.EngineThroughput \
 *      org.springframework.boot.loader.launch.PropertiesLauncher drafts.jsonl [warm-up passes]
 * </pre>
 */
public final class EngineThroughput {

	private EngineThroughput() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length < 1) {
			System.err.println("Usage: EngineThroughput <drafts.jsonl> [warm-up passes, default 1]");
			System.exit(2);
		}
		JsonMapper json = JsonMapper.builder().build();
		List<ArticleText> articles = Files.readAllLines(Path.of(args[0]))
			.stream()
			.filter((line) -> !line.isBlank())
			.map((line) -> {
				JsonNode draft = json.readTree(line);
				return new ArticleText(draft.get("headline").asString(), draft.get("body").asString(), null);
			})
			.toList();
		int warmups = (args.length > 1) ? Integer.parseInt(args[1]) : 1;
		Enricher enricher = Enricher.standard();
		LocalDate day = LocalDate.of(2026, 11, 25);
		for (int pass = 0; pass < warmups; pass++) {
			articles.forEach((article) -> enricher.enrich(article, day));
		}
		long words = 0;
		long start = System.nanoTime();
		for (ArticleText article : articles) {
			words += enricher.enrich(article, day).wordCount();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf(Locale.ROOT, "engine articles/s=%.2f words/s=%.0f%n", articles.size() / seconds,
				words / seconds);
	}

}
