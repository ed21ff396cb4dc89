package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The enrichment engine alone, on the drafts the pipeline run sends: runs
 * {@code EngineThroughput} from the enrich-service jar in a JVM of its own (so the
 * launcher, which is Apache-2.0, never links the GPL engine) and reads the rate it
 * prints.
 */
final class EngineBaseline {

	private EngineBaseline() {
	}

	/** Articles per second of the engine on one thread. */
	static double measure(Path servicesDirectory, Path workDirectory, LoadArticles articles, int count, int words) {
		try {
			Files.createDirectories(workDirectory);
			Path drafts = workDirectory.resolve("engine-drafts.jsonl");
			List<String> lines = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				lines.add(articles.draft(i, words, "news"));
			}
			Files.write(drafts, lines);
			List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"),
					Service.ENRICH.heap(), "-cp", servicesDirectory.resolve("enrich-service.jar").toString(),
					"-Dloader.main=io.pressline.enrich.nlp.EngineThroughput",
					"org.springframework.boot.loader.launch.PropertiesLauncher", drafts.toString(), "1");
			System.out.printf("  enrichment engine alone: %d articles, one thread ...%n", count);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException("The engine measurement failed:\n" + output);
			}
			for (String line : output.lines().toList()) {
				if (line.startsWith("engine articles/s=")) {
					return Double.parseDouble(line.substring("engine articles/s=".length()).split(" ")[0]);
				}
			}
			throw new IllegalStateException("The engine measurement printed no rate:\n" + output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while measuring the engine", ex);
		}
	}

}
