package io.pressline.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.pressline.testing.TestKafka;

/**
 * The three services from their runnable jars on the tests' broker, started once for all
 * end-to-end test classes of a test JVM (it takes most of a minute) and stopped when the
 * JVM exits.
 */
final class RunningPipeline {

	private static LocalPipeline pipeline;

	private RunningPipeline() {
	}

	static synchronized LocalPipeline get() {
		if (pipeline == null) {
			LocalPipeline.Options options = new LocalPipeline.Options(0, TestKafka.bootstrapServers(), null,
					Map.of(Service.INGEST, 0, Service.ENRICH, 0, Service.PUBLISH, 0), Path.of("target/services"),
					Path.of("target/e2e-logs"), List.of());
			LocalPipeline started = LocalPipeline.start(options, System.out::println);
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-pipeline-stop"));
			pipeline = started;
		}
		return pipeline;
	}

}
