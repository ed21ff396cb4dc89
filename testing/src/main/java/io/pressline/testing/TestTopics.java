package io.pressline.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Topics of the tests' broker ({@link TestKafka}) as a test arranges them: made before a
 * service starts, or given a setting the test needs.
 */
public final class TestTopics {

	private TestTopics() {
	}

	/** Creates the topic unless the broker has one of that name already. */
	public static void createIfAbsent(NewTopic topic) throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			if (!admin.listTopics().names().get().contains(topic.name())) {
				admin.createTopics(List.of(topic)).all().get();
			}
		}
	}

	/** Sets one of a topic's settings ({@code max.message.bytes}, say). */
	public static void set(String topic, String name, String value) throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			admin
				.incrementalAlterConfigs(Map.of(resource(topic),
						List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET))))
				.all()
				.get();
		}
	}

	/** One of a topic's settings, as the broker has it now. */
	public static String get(String topic, String name) throws ExecutionException, InterruptedException {
		try (Admin admin = admin()) {
			ConfigResource resource = resource(topic);
			return admin.describeConfigs(List.of(resource)).all().get().get(resource).get(name).value();
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()));
	}

	private static ConfigResource resource(String topic) {
		return new ConfigResource(ConfigResource.Type.TOPIC, topic);
	}

}
