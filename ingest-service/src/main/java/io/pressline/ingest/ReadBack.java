package io.pressline.ingest;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaNull;

/**
 * The records of one poll of a topic ingest-service reads back into a view of its own
 * (the statuses, the submitted drafts), handed over one at a time. Those bindings have no
 * group and no dead-letter topic: a record whose value could not be decoded arrives as
 * {@code null} (or, converted by the binder, as {@link KafkaNull}) and is passed over
 * with a warning, as the listener container's error handler did with it one record at a
 * time; the topic keeps it for operators to look at.
 */
public final class ReadBack {

	private static final Logger logger = LoggerFactory.getLogger(ReadBack.class);

	private ReadBack() {
	}

	public static <T> void each(List<T> batch, String topic, Consumer<T> view) {
		for (T value : batch) {
			if (value == null || value instanceof KafkaNull) {
				logger.warn("A record of {} could not be decoded and is passed over by this instance's view", topic);
				continue;
			}
			view.accept(value);
		}
	}

}
