package io.pressline.ingest.version;

import java.nio.charset.StandardCharsets;
import java.util.List;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.SubmissionAction;

/**
 * The records one submission writes in its transaction: the version on the version topic
 * (on the partition its writer owns) and the draft on {@code articles.submitted}, keyed
 * by the article id. The draft carries the editor's trace ({@code traceparent}), as the
 * binder's records do, so it can be followed through the pipeline.
 */
public final class SubmissionRecords {

	private final String versionsTopic;

	private final String submittedTopic;

	private final String instanceId;

	private final Tracer tracer;

	private final Propagator propagator;

	/**
	 * @param versionsTopic the version topic
	 * @param submittedTopic {@code articles.submitted}
	 * @param instanceId this instance, named in each version record
	 * @param tracer the current trace, or {@code null} without tracing
	 * @param propagator writes it into headers, or {@code null} without tracing
	 */
	public SubmissionRecords(String versionsTopic, String submittedTopic, String instanceId, Tracer tracer,
			Propagator propagator) {
		this.versionsTopic = versionsTopic;
		this.submittedTopic = submittedTopic;
		this.instanceId = instanceId;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	List<ProducerRecord<String, SpecificRecord>> of(int versionsPartition, ArticleSubmitted submitted) {
		String id = submitted.getArticleId();
		ArticleVersion version = ArticleVersion.newBuilder()
			.setArticleId(id)
			.setVersion(submitted.getVersion())
			.setRetracted(submitted.getAction() == SubmissionAction.RETRACT)
			.setAssignedAt(submitted.getSubmittedAt())
			.setAssignedBy(this.instanceId)
			.build();
		ProducerRecord<String, SpecificRecord> draft = new ProducerRecord<>(this.submittedTopic, id, submitted);
		trace(draft.headers());
		return List.of(new ProducerRecord<>(this.versionsTopic, versionsPartition, id, version), draft);
	}

	private void trace(Headers headers) {
		Span span = (this.tracer != null) ? this.tracer.currentSpan() : null;
		if (span == null || this.propagator == null) {
			return;
		}
		this.propagator.inject(span.context(), headers,
				(carrier, key, value) -> carrier.remove(key).add(key, value.getBytes(StandardCharsets.UTF_8)));
	}

}
