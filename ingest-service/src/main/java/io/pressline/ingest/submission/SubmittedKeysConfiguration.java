package io.pressline.ingest.submission;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

import org.springframework.cloud.stream.binder.kafka.KafkaBindingRebalanceListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionReason;
import io.pressline.ingest.IngestProperties;
import io.pressline.ingest.ReadBack;

/**
 * Reads {@code articles.submitted} back (as {@code submittedKeys-in-0}, every instance
 * all partitions) from the start of the idempotency window, so idempotency keys survive a
 * restart and hold across instances, and the desk and the operators' view hear of every
 * instance's submissions.
 */
@Configuration(proxyBeanMethods = false)
class SubmittedKeysConfiguration {

	static final String BINDING = "submittedKeys-in-0";

	@Bean
	Consumer<List<ArticleSubmitted>> submittedKeys(IdempotencyKeys keys, SubmissionFeed feed) {
		return (batch) -> ReadBack.each(batch, "articles.submitted", (submitted) -> readBack(submitted, keys, feed));
	}

	private static void readBack(ArticleSubmitted submitted, IdempotencyKeys keys, SubmissionFeed feed) {
		if (submitted.getReason() == SubmissionReason.REENRICHMENT) {
			// The archive's replays are no editor's work: the desk and the operators'
			// recent activity would lose the newsroom's articles under them.
			return;
		}
		feed.tell(submitted);
		if (submitted.getIdempotencyKey() != null) {
			keys.remember(submitted.getIdempotencyKey(), SubmissionFingerprints.of(submitted),
					new SubmittedVersion(submitted.getArticleId(), submitted.getVersion()), submitted.getSubmittedAt());
		}
	}

	/** On first assignment, skips what is older than the idempotency window. */
	@Bean
	KafkaBindingRebalanceListener rewindToIdempotencyWindow(IngestProperties properties) {
		return new KafkaBindingRebalanceListener() {

			@Override
			public void onPartitionsAssigned(String bindingName,
					org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions,
					boolean initial) {
				if (!initial || !BINDING.equals(bindingName)) {
					return;
				}
				long since = Instant.now().minus(properties.idempotencyWindow()).toEpochMilli();
				Map<TopicPartition, Long> query = new HashMap<>();
				partitions.forEach((partition) -> query.put(partition, since));
				Map<TopicPartition, OffsetAndTimestamp> offsets = consumer.offsetsForTimes(query);
				for (TopicPartition partition : partitions) {
					OffsetAndTimestamp offset = offsets.get(partition);
					if (offset != null) {
						consumer.seek(partition, offset.offset());
					}
					else {
						consumer.seekToEnd(List.of(partition));
					}
				}
			}

		};
	}

}
