package io.pressline.ingest.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.EventSchemas;
import io.pressline.ingest.desk.DeskArticles.DeskArticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DeskArticlesTests {

	static {
		EventSchemas.trust();
	}

	private static final Instant T0 = Instant.parse("2026-11-25T09:00:00Z");

	private final Map<String, byte[]> drafts = new HashMap<>();

	private final DeskArticles desk = new DeskArticles(3, 10, this.drafts);

	@Test
	void anArticleFollowsItsLatestVersionThroughTheStages() {
		this.desk.submitted(submitted("a", 1, "Bridge closes", null, 0));
		this.desk.status(status("a", 1, ArticleStage.ENRICHED, null, 1));
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 2));

		DeskArticle article = this.desk.find("a").orElseThrow();
		assertThat(article.headline()).isEqualTo("Bridge closes");
		assertThat(article.section()).isEqualTo("local");
		assertThat(article.stage()).isEqualTo("PUBLISHED");
		assertThat(article.versions()).singleElement().satisfies((v) -> {
			assertThat(v.kind()).isEqualTo("NEW");
			assertThat(v.stage()).isEqualTo("PUBLISHED");
			assertThat(v.submittedAt()).isEqualTo(T0);
		});
	}

	@Test
	void versionsAreListedInOrderWithTheirKind() {
		this.desk.submitted(submitted("a", 1, "Bridge closes", null, 0));
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 1));
		this.desk.submitted(submitted("a", 3, "Bridge closes for a week", "It closes for a week, not a month.", 5));
		this.desk.submitted(submitted("a", 2, "Bridge closes today", null, 3));
		this.desk.submitted(retraction("a", 4, "Story withdrawn", 7));

		DeskArticle article = this.desk.find("a").orElseThrow();
		assertThat(article.versions()).extracting(DeskArticles.DeskVersion::kind)
			.containsExactly("NEW", "UPDATE", "CORRECTION", "RETRACTION");
		assertThat(article.version()).isEqualTo(4);
		assertThat(article.headline()).as("a retraction keeps the last headline").isEqualTo("Bridge closes for a week");
		assertThat(article.versions().get(3).note()).isEqualTo("Story withdrawn");
		assertThat(this.desk.latestDraft("a").orElseThrow().version()).as("a retraction has no draft to edit")
			.isEqualTo(3);
	}

	@Test
	void aLateReportDoesNotUndoALaterStage() {
		this.desk.submitted(submitted("a", 1, "Bridge closes", null, 0));
		this.desk.status(status("a", 1, ArticleStage.HELD, "embargoed until 12:00", 2));
		this.desk.status(status("a", 1, ArticleStage.ENRICHED, null, 1));

		DeskArticle article = this.desk.find("a").orElseThrow();
		assertThat(article.stage()).isEqualTo("HELD");
		assertThat(article.reason()).isEqualTo("embargoed until 12:00");
	}

	@Test
	void aStatusBeforeItsSubmissionIsKeptAndTheHeadlineFilledInLater() {
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 2));
		assertThat(this.desk.find("a").orElseThrow().headline()).isNull();

		this.desk.submitted(submitted("a", 1, "Bridge closes", null, 0));

		DeskArticle article = this.desk.find("a").orElseThrow();
		assertThat(article.headline()).isEqualTo("Bridge closes");
		assertThat(article.stage()).as("the submission does not turn it back to RECEIVED").isEqualTo("PUBLISHED");
	}

	@Test
	void recentListsTheMostRecentlyActiveFirstAndTheLeastActiveDropOff() {
		this.desk.submitted(submitted("a", 1, "A", null, 0));
		this.desk.submitted(submitted("b", 1, "B", null, 1));
		this.desk.submitted(submitted("c", 1, "C", null, 2));
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 3));
		this.desk.submitted(submitted("d", 1, "D", null, 4));

		assertThat(this.desk.recent(10)).extracting(DeskArticle::id).containsExactly("d", "a", "c");
		assertThat(this.desk.recent(2)).extracting(DeskArticle::id).containsExactly("d", "a");
		assertThat(this.desk.find("b")).isEmpty();
	}

	@Test
	void pastItsCapacityTheDeskKeepsNeitherTheArticlesNorTheirDrafts() {
		for (int i = 0; i < 50; i++) {
			this.desk.submitted(submitted("article-" + i, 1, "Headline " + i, null, i));
			this.desk.status(status("article-" + i, 1, ArticleStage.PUBLISHED, null, i + 1));
		}

		assertThat(this.desk.size()).isEqualTo(3);
		assertThat(this.drafts).containsOnlyKeys("article-47", "article-48", "article-49");
		assertThat(this.desk.latestDraft("article-0")).isEmpty();
		assertThat(this.desk.latestDraft("article-49")).hasValueSatisfying((d) -> {
			assertThat(d.headline()).isEqualTo("Headline 49");
			assertThat(d.body()).isEqualTo("The bridge on the ring road closes for repairs.");
		});
	}

	@Test
	void anArticleKeepsItsLatestVersionsOnlyAndTheDraftOfTheLatest() {
		for (int version = 1; version <= 40; version++) {
			this.desk.submitted(submitted("a", version, "Bridge closes, version " + version, null, version));
		}
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 41));

		DeskArticle article = this.desk.find("a").orElseThrow();
		assertThat(article.versions()).extracting(DeskArticles.DeskVersion::version)
			.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(31, 40).boxed().toList());
		assertThat(article.headline()).isEqualTo("Bridge closes, version 40");
		assertThat(this.desk.latestDraft("a")).hasValueSatisfying((d) -> assertThat(d.version()).isEqualTo(40));
	}

	@Test
	void listenersHearEveryChangeUntilTheyStop() {
		List<String> heard = new ArrayList<>();
		Runnable stop = this.desk.subscribe((article) -> heard.add(article.id() + ":" + article.stage()));
		this.desk.submitted(submitted("a", 1, "A", null, 0));
		this.desk.status(status("a", 1, ArticleStage.PUBLISHED, null, 1));
		stop.run();
		this.desk.status(status("a", 1, ArticleStage.RETRACTED, null, 2));

		assertThat(heard).containsExactly("a:RECEIVED", "a:PUBLISHED");
	}

	@Test
	void aDeskHoldsAtLeastOneArticle() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DeskArticles(0, 10, new HashMap<>()));
	}

	private static ArticleSubmitted submitted(String id, int version, String headline, String note, int minute) {
		return ArticleSubmitted.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setHeadline(headline)
			.setBody("The bridge on the ring road closes for repairs.")
			.setSection("local")
			.setNote(note)
			.setSubmittedAt(T0.plusSeconds(60L * minute))
			.build();
	}

	private static ArticleSubmitted retraction(String id, int version, String reason, int minute) {
		ArticleSubmitted event = submitted(id, version, "Bridge closes for a week", reason, minute);
		event.setAction(SubmissionAction.RETRACT);
		return event;
	}

	private static ArticleStatus status(String id, int version, ArticleStage stage, String reason, int minute) {
		return ArticleStatus.newBuilder()
			.setArticleId(id)
			.setVersion(version)
			.setStage(stage)
			.setReason(reason)
			.setService("publish")
			.setSubmittedAt(T0)
			.setOccurredAt(T0.plusSeconds(60L * minute))
			.build();
	}

}
