package io.pressline.publish.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalInt;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionReason;
import io.pressline.platform.status.StageReporter;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.ledger.ArticleState;
import io.pressline.publish.ledger.ArticleStates;
import io.pressline.publish.rules.Decision;
import io.pressline.publish.rules.PublicationRules;
import io.pressline.publish.rules.ReenrichmentRule;

/**
 * Carries out the rules' decision on one article version: publishes (an event for sites,
 * the article's latest state), holds, rejects or retracts, and records the article's new
 * state and the version's status. Versions come from {@code articles.enriched} and, once
 * an embargo ends, again from {@code articles.releases}; a release is decided like any
 * version, unless the version is no longer the one held (a newer version came, or another
 * release of it was decided first), when it is ignored. So a release offered twice
 * publishes once. A re-enrichment of the archive is first put to the
 * {@link ReenrichmentRule}: published as an update only where its enrichment changed, and
 * never against an editor's later version, a retraction or a hold.
 * <p>
 * Plain Java: what it reads comes from {@link ArticleStates}, what it writes goes to
 * {@link PublicationRecords}, the time from the clock.
 */
public final class Publisher {

	private static final Logger log = LoggerFactory.getLogger(Publisher.class);

	private final PublicationRules rules;

	private final ReenrichmentRule reenrichment = new ReenrichmentRule();

	private final Editions editions;

	private final Clock clock;

	public Publisher(PublicationRules rules, Editions editions, Clock clock) {
		this.rules = rules;
		this.editions = editions;
		this.clock = clock;
	}

	/**
	 * Decides on a version and writes what the decision says.
	 * @param version the version with its enrichment
	 * @param release whether it is a held version offered again once its embargo ended
	 * @param states the states of the articles, read and changed
	 * @param out where the decision's records go
	 */
	public Outcome handle(ArticleEnriched version, boolean release, ArticleStates states, PublicationRecords out) {
		ArticleSubmitted draft = version.getSubmission();
		String id = draft.getArticleId();
		ArticleState state = states.find(id);
		if (release && !state.holds(draft.getVersion())) {
			log.info("Release of article {} v{} ignored: the version is no longer held", id, draft.getVersion());
			return Outcome.of(Outcome.Kind.IGNORED);
		}
		Instant now = this.clock.instant();
		Decision decision = this.reenrichment
			.decide(version, state.publishedVersion(),
					(state.held() != null) ? OptionalInt.of(state.held().getSubmission().getVersion())
							: OptionalInt.empty())
			.orElseGet(() -> this.rules.decide(draft, state.publishedVersion(), now));
		if (decision instanceof Decision.Ignore ignore) {
			return ignore(draft, state, ignore, states, out);
		}
		if (decision instanceof Decision.Unchanged unchanged) {
			return unchanged(draft, unchanged, out);
		}
		if (decision instanceof Decision.Hold hold) {
			return hold(version, state, hold, states, out);
		}
		if (decision instanceof Decision.Reject reject) {
			return reject(draft, reject, out);
		}
		if (decision instanceof Decision.Retract retract) {
			return retract(version, state, retract, now, states, out);
		}
		return publish(version, state, (Decision.Publish) decision, now, states, out);
	}

	private Outcome ignore(ArticleSubmitted draft, ArticleState state, Decision.Ignore ignore, ArticleStates states,
			PublicationRecords out) {
		log.info("Article {} v{} ignored: {}", draft.getArticleId(), draft.getVersion(), ignore.reason());
		if (draft.getReason() == SubmissionReason.REENRICHMENT) {
			// A replay changes nothing it does not publish: a version held back keeps its
			// hold, although the replay's number is higher.
			return Outcome.of(Outcome.Kind.IGNORED);
		}
		ArticleState next = state.unholdingUpTo(draft.getVersion());
		if (next != state) {
			keep(next, states, out);
		}
		return Outcome.of(Outcome.Kind.IGNORED);
	}

	private Outcome unchanged(ArticleSubmitted draft, Decision.Unchanged unchanged, PublicationRecords out) {
		out.status(draft, ArticleStage.PUBLISHED, StageReporter.UNCHANGED_BY_REENRICHMENT + ": version "
				+ unchanged.publishedVersion() + " stays published");
		log.info("Article {} v{} re-enriched without change: version {} stays published", draft.getArticleId(),
				draft.getVersion(), unchanged.publishedVersion());
		return Outcome.of(Outcome.Kind.UNCHANGED);
	}

	private Outcome hold(ArticleEnriched version, ArticleState state, Decision.Hold hold, ArticleStates states,
			PublicationRecords out) {
		ArticleSubmitted draft = version.getSubmission();
		keep(state.holding(version, hold.releaseAt()), states, out);
		out.status(draft, ArticleStage.HELD, hold.reason());
		log.info("Article {} v{} held: {}", draft.getArticleId(), draft.getVersion(), hold.reason());
		return Outcome.of(Outcome.Kind.HELD);
	}

	private Outcome reject(ArticleSubmitted draft, Decision.Reject reject, PublicationRecords out) {
		out.status(draft, ArticleStage.REJECTED, reject.reason());
		log.info("Article {} v{} rejected: {}", draft.getArticleId(), draft.getVersion(), reject.reason());
		return Outcome.of(Outcome.Kind.REJECTED);
	}

	private Outcome retract(ArticleEnriched version, ArticleState state, Decision.Retract retract, Instant now,
			ArticleStates states, PublicationRecords out) {
		ArticleSubmitted draft = version.getSubmission();
		String id = draft.getArticleId();
		ArticleState unheld = state.unholdingUpTo(draft.getVersion());
		if (!retract.published() || state.lastEvent() == null) {
			keep(unheld.retractedUnpublished(draft.getVersion()), states, out);
			out.status(draft, ArticleStage.RETRACTED, "retracted before publication");
			log.info("Article {} v{} retracted before publication", id, draft.getVersion());
			return Outcome.of(Outcome.Kind.RETRACTED);
		}
		ArticlePublished event = this.editions.retraction(draft, version.getEnrichment(), state.lastEvent(), now);
		out.published(event);
		out.removeLatest(event);
		keep(unheld.after(event), states, out);
		out.status(draft, ArticleStage.RETRACTED, draft.getNote());
		log.info("Article {} v{} retracted", id, draft.getVersion());
		return new Outcome(Outcome.Kind.RETRACTED, event);
	}

	private Outcome publish(ArticleEnriched version, ArticleState state, Decision.Publish publish, Instant now,
			ArticleStates states, PublicationRecords out) {
		ArticleSubmitted draft = version.getSubmission();
		ArticlePublished event = this.editions.edition(version, publish, state.lastEvent(), now);
		out.edition(event);
		keep(state.unholdingUpTo(draft.getVersion()).after(event), states, out);
		out.status(draft, ArticleStage.PUBLISHED,
				(publish.eventType() == PublicationEventType.PUBLISHED) ? null : "published as " + publish.eventType());
		log.info("Article {} v{} published as {} in {}", draft.getArticleId(), draft.getVersion(), publish.eventType(),
				publish.section());
		return new Outcome(Outcome.Kind.PUBLISHED, event);
	}

	private static void keep(ArticleState next, ArticleStates states, PublicationRecords out) {
		states.put(next);
		out.state(next);
	}

}
