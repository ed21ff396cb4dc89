package io.pressline.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.stereotype.Service;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
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

	private static final String NEW = "new";

	private static final String RETRACT = "retract:";

	/** Held while a version number is taken, so two updates never get the same one. */
	private final Object versions = new Object();

	private final StreamBridge streamBridge;

	private final StageReporter stages;

	private final ArticleStatuses statuses;

	private final IdempotencyKeys keys;

	private final Clock clock;

	private final List<Consumer<ArticleSubmitted>> listeners = new CopyOnWriteArrayList<>();

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
		return once(idempotencyKey, () -> fingerprint(NEW, draft), () -> send(UUID.randomUUID().toString(), 1,
				SubmissionAction.PUBLISH, draft, idempotencyKey, submittedBy));
	}

	/**
	 * Submits the next version of a known article: an update, or a correction when the
	 * draft carries a note.
	 * @throws ArticleNotFoundException when no article has this id
	 * @throws ArticleRetractedException when the article was retracted
	 */
	IdempotencyKeys.Outcome submitVersion(String id, Draft draft, String idempotencyKey, String submittedBy) {
		return once(idempotencyKey, () -> fingerprint(id, draft), () -> {
			synchronized (this.versions) {
				return send(id, nextVersion(id), SubmissionAction.PUBLISH, draft, idempotencyKey, submittedBy);
			}
		});
	}

	/**
	 * Asks for a known article to be taken down.
	 * @param reason why, for the editors and the downstream sites, or {@code null}
	 * @throws ArticleNotFoundException when no article has this id
	 * @throws ArticleRetractedException when the article was already retracted
	 */
	IdempotencyKeys.Outcome retract(String id, String reason, String idempotencyKey, String submittedBy) {
		Draft retraction = new Draft("", "", null, null, null, null, false, reason);
		return once(idempotencyKey, () -> fingerprint(RETRACT + id, retraction), () -> {
			synchronized (this.versions) {
				return send(id, nextVersion(id), SubmissionAction.RETRACT, retraction, idempotencyKey, submittedBy);
			}
		});
	}

	/** The fingerprint is only worked out when there is a key to hold it against. */
	private IdempotencyKeys.Outcome once(String idempotencyKey, Supplier<String> fingerprint,
			Supplier<SubmittedVersion> submission) {
		if (idempotencyKey == null) {
			return new IdempotencyKeys.Outcome(submission.get(), false);
		}
		return this.keys.once(idempotencyKey, fingerprint.get(), submission);
	}

	private int nextVersion(String id) {
		ArticleStatus latest = this.statuses.find(id).orElseThrow(() -> new ArticleNotFoundException(id));
		if (latest.getStage() == ArticleStage.RETRACTED) {
			throw new ArticleRetractedException(id);
		}
		return latest.getVersion() + 1;
	}

	/**
	 * Learns the idempotency key of a draft read back from {@code articles.submitted}, so
	 * a retry answers with the first id even after a restart or on another instance.
	 */
	public void learn(ArticleSubmitted submitted) {
		tell(submitted);
		if (submitted.getIdempotencyKey() != null) {
			Draft draft = new Draft(submitted.getHeadline(), submitted.getBody(), submitted.getByline(),
					submitted.getSection(), submitted.getLanguage(), submitted.getEmbargoUntil(),
					submitted.getLegalHold(), submitted.getNote());
			String target = (submitted.getAction() == SubmissionAction.RETRACT) ? RETRACT + submitted.getArticleId()
					: (submitted.getVersion() == 1) ? NEW : submitted.getArticleId();
			this.keys.remember(submitted.getIdempotencyKey(), fingerprint(target, draft),
					new SubmittedVersion(submitted.getArticleId(), submitted.getVersion()), submitted.getSubmittedAt());
		}
	}

	/**
	 * Tells a listener of every submission from now on: those this instance makes, and
	 * those read back from {@code articles.submitted} (its own again included).
	 */
	public void onSubmission(Consumer<ArticleSubmitted> listener) {
		this.listeners.add(listener);
	}

	private void tell(ArticleSubmitted submitted) {
		for (Consumer<ArticleSubmitted> listener : this.listeners) {
			listener.accept(submitted);
		}
	}

	/**
	 * Whether an idempotency key is known here, from this instance or read back from
	 * Kafka.
	 */
	boolean remembers(String idempotencyKey) {
		return this.keys.remembers(idempotencyKey);
	}

	private SubmittedVersion send(String id, int version, SubmissionAction action, Draft draft, String idempotencyKey,
			String submittedBy) {
		// Every log line about this article names it, beside the request's trace id.
		try (MDC.MDCCloseable article = MDC.putCloseable("articleId", id)) {
			return write(id, version, action, draft, idempotencyKey, submittedBy);
		}
	}

	private SubmittedVersion write(String id, int version, SubmissionAction action, Draft draft, String idempotencyKey,
			String submittedBy) {
		Instant now = this.clock.instant();
		ArticleSubmitted event = ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setAction(action)
			.setHeadline(draft.headline())
			.setBody(draft.body())
			.setByline(draft.byline())
			.setSection(draft.section())
			.setLanguage(draft.language())
			.setEmbargoUntil(draft.embargoUntil())
			.setLegalHold(draft.legalHold())
			.setNote(draft.note())
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
		var received = StageReporter.status(id, version, ArticleStage.RECEIVED, "ingest", now,
				(action == SubmissionAction.RETRACT) ? "retraction requested" : null);
		tell(event);
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
		if (action == SubmissionAction.RETRACT) {
			log.info("Article {} v{} retraction submitted", id, version);
		}
		else if (log.isInfoEnabled()) {
			// Counting the bytes walks the whole body: only when the line is written.
			log.info("Article {} v{} submitted ({} body bytes, section {})", id, version, draft.bodyBytes(),
					draft.section());
		}
		return new SubmittedVersion(id, version);
	}

	/**
	 * Identifies a request's content, to tell a retry from a different request under the
	 * same key.
	 * @param target {@code new} for a new article, the article id for a new version,
	 * {@code retract:} and the id for a retraction
	 */
	static String fingerprint(String target, Draft draft) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object field : new Object[] { target, draft.headline(), draft.body(), draft.byline(), draft.section(),
					draft.language(), draft.embargoUntil(), draft.legalHold(), draft.note() }) {
				digest.update(Objects.toString(field, "\u0000").getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0x1F);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/** No article with this id is known. */
	public static class ArticleNotFoundException extends RuntimeException {

		public ArticleNotFoundException(String id) {
			super("No article with id '" + id + "' is known");
		}

	}

	/** The article was retracted; it takes no new version. */
	public static class ArticleRetractedException extends RuntimeException {

		ArticleRetractedException(String id) {
			super("Article '" + id + "' was retracted; submit a new article instead");
		}

	}

	/** Kafka could not take the draft; nothing was submitted. */
	public static class PipelineUnavailableException extends RuntimeException {

		PipelineUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
