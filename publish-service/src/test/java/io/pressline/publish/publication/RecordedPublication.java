package io.pressline.publish.publication;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleSubmitted;
import io.pressline.publish.ledger.ArticleState;
import io.pressline.publish.edition.Editions;
import io.pressline.publish.ledger.ArticleStates;
import io.pressline.publish.rules.PublicationRules;
import io.pressline.publish.rules.RuleSettings;

/**
 * What a decision wrote, kept in lists, and the article states in a map: the publisher's
 * collaborators for tests that need no broker.
 */
final class RecordedPublication implements PublicationRecords, ArticleStates {

	final List<ArticlePublished> published = new ArrayList<>();

	final Map<String, ArticlePublished> latest = new HashMap<>();

	final List<String> removedLatest = new ArrayList<>();

	final List<ArticleState> stateRecords = new ArrayList<>();

	final List<String> statuses = new ArrayList<>();

	private final Map<String, ArticleState> states = new HashMap<>();

	/**
	 * The publisher these tests drive: sections {@code local} and {@code news} (the
	 * default), no legal words, its clock stopped at {@code now}.
	 */
	static Publisher publisherAt(Instant now) {
		return new Publisher(new PublicationRules(new RuleSettings(List.of("local", "news"), "news", Set.of())),
				new Editions("https://news.example.org"), Clock.fixed(now, ZoneOffset.UTC));
	}

	@Override
	public void published(ArticlePublished event) {
		this.published.add(event);
	}

	@Override
	public void latest(ArticlePublished event) {
		this.latest.put(event.getArticleId(), event);
	}

	@Override
	public void removeLatest(ArticlePublished retraction) {
		this.latest.remove(retraction.getArticleId());
		this.removedLatest.add(retraction.getArticleId());
	}

	@Override
	public void state(ArticleState state) {
		this.stateRecords.add(state);
	}

	@Override
	public void status(ArticleSubmitted draft, ArticleStage stage, String reason) {
		this.statuses.add("v" + draft.getVersion() + " " + stage + ((reason != null) ? ": " + reason : ""));
	}

	@Override
	public ArticleState find(String articleId) {
		return this.states.getOrDefault(articleId, ArticleState.unknown(articleId));
	}

	@Override
	public void put(ArticleState state) {
		this.states.put(state.articleId(), state);
	}

}
