package io.pressline.ingest.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.platform.draft.Draft;

/**
 * Identifies a request's content, to tell a retry under an {@code Idempotency-Key} from a
 * different request under the same key: what the request is for (a new article, a new
 * version of one, a retraction of one) and every field of its draft.
 */
final class SubmissionFingerprints {

	private static final String NEW = "new";

	private static final String RETRACT = "retract:";

	private SubmissionFingerprints() {
	}

	static String newArticle(Draft draft) {
		return of(NEW, draft);
	}

	static String newVersion(String id, Draft draft) {
		return of(id, draft);
	}

	static String retraction(String id, Draft retraction) {
		return of(RETRACT + id, retraction);
	}

	/** The fingerprint of the request that made a draft read back from Kafka. */
	static String of(ArticleSubmitted submitted) {
		Draft draft = SubmissionEvents.draft(submitted);
		if (submitted.getAction() == SubmissionAction.RETRACT) {
			return retraction(submitted.getArticleId(), draft);
		}
		return (submitted.getVersion() == 1) ? newArticle(draft) : newVersion(submitted.getArticleId(), draft);
	}

	private static String of(String target, Draft draft) {
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

}
