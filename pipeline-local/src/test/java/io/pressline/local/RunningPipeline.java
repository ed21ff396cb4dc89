package io.pressline.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.pressline.testing.TestKafka;

/**
 * The three services from their runnable jars on the tests' broker, started once for all
 * end-to-end test classes of a test JVM (it takes most of a minute) and stopped when the
 * JVM exits. ingest-service runs two instances, as behind a load balancer, so that one
 * can be killed while the other takes the drafts (PipelineHealingIT); the other tests
 * talk to the first.
 */
final class RunningPipeline {

	private static final List<String> messages = new CopyOnWriteArrayList<>();

	private static LocalPipeline pipeline;

	private RunningPipeline() {
	}

	static synchronized LocalPipeline get() {
		if (pipeline == null) {
			LocalPipeline.Options options = new LocalPipeline.Options(0, TestKafka.bootstrapServers(), null,
					Map.of(Service.INGEST, 0, Service.ENRICH, 0, Service.PUBLISH, 0), Path.of("target/services"),
					Path.of("target/e2e-logs"), List.of())
				.withInstances(Map.of(Service.INGEST, 2));
			LocalPipeline started = LocalPipeline.start(options, (line) -> {
				messages.add(line);
				System.out.println(line);
			});
			Runtime.getRuntime().addShutdownHook(new Thread(started::close, "e2e-pipeline-stop"));
			pipeline = started;
		}
		return pipeline;
	}

	/** What the pipeline has reported so far: its start, then what its healing did. */
	static List<String> messages() {
		return List.copyOf(messages);
	}

}
