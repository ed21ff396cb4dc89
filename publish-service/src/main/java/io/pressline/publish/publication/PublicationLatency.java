package io.pressline.publish.publication;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;

/**
 * {@code pressline.publication.latency}: from the editor's submission to the event on
 * {@code articles.published}, per event type, as a histogram Prometheus can take any
 * percentile of across instances. Versions held by an embargo are not counted: their wait
 * was the newsroom's choice.
 */
public class PublicationLatency {

	private final Map<PublicationEventType, Timer> timers = new EnumMap<>(PublicationEventType.class);

	public PublicationLatency(MeterRegistry registry) {
		for (PublicationEventType type : PublicationEventType.values()) {
			this.timers.put(type,
					Timer.builder("pressline.publication.latency")
						.description("From the editor's submission to the event on articles.published; "
								+ "versions held by an embargo are not counted")
						.tag("type", type.name())
						.publishPercentileHistogram()
						.minimumExpectedValue(Duration.ofMillis(1))
						.maximumExpectedValue(Duration.ofMinutes(10))
						.register(registry));
		}
	}

	/** Counts an event once its transaction has committed. */
	public void record(ArticlePublished event, Instant embargoUntil) {
		Instant submitted = event.getSubmittedAt();
		if (embargoUntil == null || !embargoUntil.isAfter(submitted)) {
			this.timers.get(event.getEventType()).record(Duration.between(submitted, event.getPublishedAt()));
		}
	}

}
