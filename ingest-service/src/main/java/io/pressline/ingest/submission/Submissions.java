package io.pressline.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Service;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.ingest.IngestProperties;
import io.pressline.platform.draft.Draft;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.platform.status.StageReporter;

/**
 * Turns an accepted draft into an {@code ArticleSubmitted} event on Kafka. The editor is
 * answered only after Kafka has acknowledged the event; if it cannot, the editor gets an
 * error and nothing is remembered, so a retry with the same key is safe.
 */
@Service
public class Submissions {

	private static final Logger log = LoggerFactory.getLogger(Submissions.class);

	static final String BINDING = "submitted";

	private final StreamBridge streamBridge;

	private final StageReporter stages;

	private final ArticleStatuses statuses;

	private final IdempotencyKeys keys;

	private final Clock clock;

	public Submissions(StreamBridge streamBridge, StageReporter stages, ArticleStatuses statuses,
			IngestProperties properties) {
		this.streamBridge = streamBridge;
		this.stages = stages;
		this.statuses = statuses;
		this.clock = Clock.systemUTC();
		this.keys = new IdempotencyKeys(properties.idempotencyWindow(), this.clock);
	}

	/**
	 * Submits a new article.
	 * @param draft the accepted draft
	 * @param idempotencyKey the client's key, or {@code null}
	 * @param submittedBy who submits, or {@code null}
	 * @throws PipelineUnavailableException when Kafka did not take the draft
	 */
	IdempotencyKeys.Outcome submitNew(Draft draft, String idempotencyKey, String submittedBy) {
		if (idempotencyKey == null) {
			return new IdempotencyKeys.Outcome(send(draft, null, submittedBy), false);
		}
		return this.keys.once(idempotencyKey, fingerprint(draft), () -> send(draft, idempotencyKey, submittedBy));
	}

	/**
	 * Learns the idempotency key of a draft read back from {@code articles.submitted}, so
	 * a retry answers with the first id even after a restart or on another instance.
	 */
	public void learn(ArticleSubmitted submitted) {
		if (submitted.getIdempotencyKey() != null) {
			Draft draft = new Draft(submitted.getHeadline(), submitted.getBody(), submitted.getByline(),
					submitted.getSection(), submitted.getLanguage(), submitted.getEmbargoUntil());
			this.keys.remember(submitted.getIdempotencyKey(), fingerprint(draft),
					new SubmittedVersion(submitted.getArticleId(), submitted.getVersion()), submitted.getSubmittedAt());
		}
	}

	/**
	 * Whether an idempotency key is known here, from this instance or read back from
	 * Kafka.
	 */
	boolean remembers(String idempotencyKey) {
		return this.keys.remembers(idempotencyKey);
	}

	private SubmittedVersion send(Draft draft, String idempotencyKey, String submittedBy) {
		String id = UUID.randomUUID().toString();
		int version = 1;
		Instant now = this.clock.instant();
		ArticleSubmitted event = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setHeadline(draft.headline())
			.setBody(draft.body())
			.setByline(draft.byline())
			.setSection(draft.section())
			.setLanguage(draft.language())
			.setEmbargoUntil(draft.embargoUntil())
			.setSubmittedAt(now)
			.setSubmittedBy(submittedBy)
			.setIdempotencyKey(idempotencyKey)
			.build();
		try {
			if (!this.streamBridge.send(BINDING, StageReporter.keyed(id, event))) {
				throw new PipelineUnavailableException("Kafka did not accept the draft", null);
			}
		}
		catch (RuntimeException ex) {
			if (ex instanceof PipelineUnavailableException unavailable) {
				throw unavailable;
			}
			throw new PipelineUnavailableException("Kafka did not accept the draft: " + ex.getMessage(), ex);
		}
		var received = StageReporter.status(id, version, ArticleStage.RECEIVED, "ingest", now, null);
		this.statuses.record(received);
		try {
			this.stages.report(received);
		}
		catch (RuntimeException ex) {
			// The draft is in the pipeline; later stages will report on it. Say so, but
			// do not fail the editor.
			log.warn("Article {} v{} was submitted but its RECEIVED status was not written: {}", id, version,
					ex.getMessage());
		}
		log.info("Article {} v{} submitted ({} body bytes, section {})", id, version, draft.bodyBytes(),
				draft.section());
		return new SubmittedVersion(id, version);
	}

	/**
	 * Identifies a draft's content, to tell a retry from a different draft under the same
	 * key.
	 */
	static String fingerprint(Draft draft) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object field : new Object[] { draft.headline(), draft.body(), draft.byline(), draft.section(),
					draft.language(), draft.embargoUntil() }) {
				digest.update(Objects.toString(field, "\u0000").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0x1F);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** Kafka could not take the draft; nothing was submitted. */
	public static class PipelineUnavailableException extends RuntimeException {

		PipelineUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
