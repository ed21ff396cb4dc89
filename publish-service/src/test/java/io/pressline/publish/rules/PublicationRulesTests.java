package io.pressline.publish.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.pressline.event.ArticleSubmitted;
import io.pressline.event.PublicationEventType;
import io.pressline.event.SubmissionAction;
import io.pressline.event.serde.EventSchemas;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationRulesTests {

	@BeforeAll
	static void trustTheEventClasses() {
		// Avro instantiates the generated enums for builder defaults only once trusted.
		EventSchemas.trust();
	}

	private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	private final PublicationRules rules = new PublicationRules(
			new RuleSettings(List.of("news", "local", "sport"), "news", Set.of()));

	@Test
	void aFirstVersionIsPublishedNowInItsSection() {
		Decision decision = this.rules.decide(draft(1).build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.PUBLISHED, NOW, "local"));
	}

	@Test
	void aVersionWithoutSectionGoesToTheDefaultOne() {
		Decision decision = this.rules.decide(draft(1).setSection(null).build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.PUBLISHED, NOW, "news"));
	}

	@Test
	void aLaterVersionIsAnUpdateThatKeepsTheFirstPublicationTime() {
		Instant first = NOW.minusSeconds(3600);

		Decision decision = this.rules.decide(draft(2).build(), Optional.of(new PublishedVersion(1, first)), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.UPDATED, first, "local"));
	}

	@Test
	void aLaterVersionWithANoteIsACorrection() {
		Instant first = NOW.minusSeconds(3600);

		Decision decision = this.rules.decide(draft(2).setNote("The mayor's name was misspelt.").build(),
				Optional.of(new PublishedVersion(1, first)), NOW);

		assertThat(decision).isEqualTo(new Decision.Publish(PublicationEventType.CORRECTED, first, "local"));
	}

	@Test
	void aVersionNoNewerThanThePublishedOneIsIgnored() {
		Optional<PublishedVersion> published = Optional.of(new PublishedVersion(3, NOW));

		assertThat(this.rules.decide(draft(3).build(), published, NOW)).isInstanceOf(Decision.Ignore.class);
		assertThat(this.rules.decide(draft(2).build(), published, NOW)).isInstanceOf(Decision.Ignore.class);
	}

	@Test
	void nothingMoreOfARetractedArticleIsPublished() {
		Optional<PublishedVersion> retracted = Optional.of(new PublishedVersion(3, NOW, true));

		assertThat(this.rules.decide(draft(4).build(), retracted, NOW)).isInstanceOf(Decision.Ignore.class);
	}

	@Test
	void anEmbargoedVersionIsHeldUntilItsTime() {
		Instant embargo = NOW.plusSeconds(60);

		Decision decision = this.rules.decide(draft(1).setEmbargoUntil(embargo).build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Hold("embargoed until 2026-11-25T10:01:00Z", embargo));
	}

	@Test
	void aVersionWhoseEmbargoHasPassedIsPublished() {
		Decision decision = this.rules.decide(draft(1).setEmbargoUntil(NOW.minusSeconds(1)).build(), Optional.empty(),
				NOW);

		assertThat(decision).isInstanceOf(Decision.Publish.class);
	}

	@Test
	void aVersionOnLegalHoldWaitsForANewVersionWhateverItsEmbargo() {
		Decision decision = this.rules.decide(draft(1).setLegalHold(true).setEmbargoUntil(NOW.minusSeconds(1)).build(),
				Optional.empty(), NOW);

		assertThat(decision).isInstanceOf(Decision.Hold.class);
		assertThat(((Decision.Hold) decision).releaseAt()).isNull();
		assertThat(((Decision.Hold) decision).reason()).startsWith("on legal hold");
	}

	@Test
	void aVersionInAnUnknownSectionIsRejectedNamingTheSections() {
		Decision decision = this.rules.decide(draft(1).setSection("gardening").build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(new Decision.Reject("section 'gardening' is not one of news, local, sport"));
	}

	@Test
	void aVersionMissingARequiredFieldIsRejectedNamingEachField() {
		PublicationRules strict = new PublicationRules(
				new RuleSettings(List.of(), "news", Set.of("byline", "language")));

		Decision decision = strict.decide(draft(1).setByline(null).setLanguage(null).build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(
				new Decision.Reject("byline is required before publication; language is required before publication"));
		assertThat(strict.decide(draft(1).setLanguage("en").build(), Optional.empty(), NOW))
			.isInstanceOf(Decision.Publish.class);
	}

	@Test
	void aRequiredFieldConfiguredInAnyLetterCaseIsEnforced() {
		PublicationRules strict = new PublicationRules(
				new RuleSettings(List.of(), "news", Set.of("Byline", " LANGUAGE ")));

		Decision decision = strict.decide(draft(1).setByline(null).setLanguage(null).build(), Optional.empty(), NOW);

		assertThat(decision).isEqualTo(
				new Decision.Reject("byline is required before publication; language is required before publication"));
	}

	@Test
	void aRetractionTakesDownWhatWasPublished() {
		ArticleSubmitted retraction = draft(3).setAction(SubmissionAction.RETRACT).build();

		assertThat(this.rules.decide(retraction, Optional.of(new PublishedVersion(2, NOW)), NOW))
			.isEqualTo(new Decision.Retract(true));
		assertThat(this.rules.decide(retraction, Optional.empty(), NOW)).isEqualTo(new Decision.Retract(false));
	}

	@Test
	void rulesThatCannotHoldAreRefusedAtStartUp() {
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleSettings(List.of("local"), "news", Set.of()))
			.withMessageContaining("default section 'news'");
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> new RuleSettings(List.of(), "news", Set.of("photo")))
			.withMessageContaining("'photo' cannot be required");
	}

	private static ArticleSubmitted.Builder draft(int version) {
		return ArticleSubmitted.newBuilder()
			.setArticleId("a1")
			.setVersion(version)
			.setHeadline("Headline")
			.setBody("Body.")
			.setByline("By Ada Quill")
			.setSection("local")
			.setSubmittedAt(NOW.minusSeconds(5));
	}

}
