package io.pressline.publish.rules;

import java.util.Optional;
import java.util.OptionalInt;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.enrichment.EnrichmentDigest;

/**
 * What a re-enrichment may do: a version with reason {@code REENRICHMENT} replays the
 * text of a published version (its {@code replayOf}) through the current engine, and is
 * worth publishing only if it still replays what sites have and tells them something new.
 * In this order:
 * <ul>
 * <li>nothing published, or the article retracted: ignored (a retraction is never
 * revived);</li>
 * <li>another version than {@code replayOf} published since, or a version held back (an
 * embargo or a legal hold): ignored, because an editor's version always wins over a
 * replay of an older one, and a held version keeps its hold and its time;</li>
 * <li>the new enrichment's digest equal to the replayed one's:
 * {@link Decision.Unchanged}, nothing goes to sites;</li>
 * <li>otherwise the version goes on to the {@link PublicationRules}, which publish it as
 * {@code UPDATED} (a replay carries no note, embargo or hold).</li>
 * </ul>
 * Plain Java.
 */
public final class ReenrichmentRule {

	/**
	 * Decides on a re-enrichment before the editorial rules do.
	 * @param version the version with its new enrichment
	 * @param published what was published of the article so far, if anything
	 * @param held the version held back, if any
	 * @return the decision, or empty when the version is not a re-enrichment or is to be
	 * published by the editorial rules
	 */
	public Optional<Decision> decide(ArticleEnriched version, Optional<PublishedVersion> published, OptionalInt held) {
		ArticleSubmitted draft = version.getSubmission();
		if (draft.getReason() != SubmissionReason.REENRICHMENT) {
			return Optional.empty();
		}
		Integer replayOf = draft.getReplayOf();
		if (published.isEmpty()) {
			return ignore("a re-enrichment of an article not published");
		}
		PublishedVersion live = published.get();
		if (live.retracted()) {
			return ignore("a re-enrichment of an article retracted in version " + live.version());
		}
		if (replayOf == null || replayOf != live.version()) {
			return ignore("a re-enrichment of version " + replayOf + ", but version " + live.version()
					+ " is the one published");
		}
		if (held.isPresent()) {
			return ignore("a re-enrichment while version " + held.getAsInt() + " is held back");
		}
		if (draft.getVersion() <= live.version()) {
			return ignore("a re-enrichment as version " + draft.getVersion() + ", not newer than published version "
					+ live.version());
		}
		if (EnrichmentDigest.of(version.getEnrichment()).equals(draft.getReplayedEnrichmentDigest())) {
			return Optional.of(new Decision.Unchanged(live.version()));
		}
		return Optional.empty();
	}

	private static Optional<Decision> ignore(String reason) {
		return Optional.of(new Decision.Ignore(reason));
	}

}
