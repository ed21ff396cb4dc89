package io.pressline.publish.asyncapi;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.PublicationState;
import io.pressline.platform.PipelineTopics;
import io.pressline.publish.PublishProperties;

/**
 * Every topic of the pipeline with who writes it and who reads it, the names, sizes and
 * compaction taken from the services' configuration ({@link PipelineTopics}, the section
 * topics and the webhooks' dead letters of {@link PublishProperties}). The AsyncAPI
 * document is made from it; {@code AsyncApiDocumentTests} checks it against the bindings
 * of every service's {@code application.yml}, so a topic or binding added there without a
 * line here fails the build.
 */
public final class TopicCatalogue {

	static final String INGEST = "ingest-service";

	static final String ENRICH = "enrich-service";

	static final String PUBLISH = "publish-service";

	static final String SITES = "downstream-sites";

	static final String OPERATORS = "operators";

	private TopicCatalogue() {
	}

	/** The topics of a pipeline configured so, in the order an article meets them. */
	public static List<Topic> of(PipelineTopics topics, PublishProperties publish) {
		List<Topic> all = new ArrayList<>();
		all.add(new Topic(topics.submitted(), "Drafts accepted by the editors' API, every version, in the order given.",
				ArticleSubmitted.class, false, Headers.TRACE,
				List.of(Party.client(INGEST,
						"its transactional producers, with the version number on " + topics.versions()
								+ ": editors' drafts, and the re-enrichment's replays of published versions")),
				List.of(Party.binding(ENRICH, "enrich-in-0", "enrich-service", "enriches each draft"),
						Party.binding(INGEST, "submittedKeys-in-0", null,
								"every instance, no group: the idempotency keys and the desk"))));
		all.add(new Topic(topics.versions(), "The latest version number of every article.", ArticleVersion.class, true,
				Headers.TRACE,
				List.of(Party.client(INGEST,
						"the version sequencer, in the submission's transaction; " + "one writer per partition")),
				List.of(Party.client(INGEST, "the instance giving a partition's next version, to its end first"))));
		all.add(new Topic(topics.enriched(), "Drafts with their enrichment (entities, quotes, topics, summary).",
				ArticleEnriched.class, false, Headers.TRACE,
				List.of(Party.binding(ENRICH, "enriched", null, "in the transaction of the batch of drafts read")),
				List.of(Party.binding(PUBLISH, "publish-in-0", "publish-service",
						"decides on each version, beside " + topics.releases()))));
		all.add(new Topic(topics.releases(), "Held versions whose embargo ended, offered to the publisher again.",
				ArticleEnriched.class, false, Headers.TRACE,
				List.of(Party.binding(PUBLISH, "releases", null, "an embargo timer, in a transaction of its own")),
				List.of(Party.binding(PUBLISH, "publish-in-0", "publish-service",
						"the same consumer as " + topics.enriched() + ", partition n of both together"))));
		all.add(new Topic(topics.publishState(),
				"What publish-service knows of each article: its last publication and the version it holds back.",
				PublicationState.class, true, Headers.TRACE,
				List.of(Party.binding(PUBLISH, "publishState", null, "in the decision's transaction")),
				List.of(Party.binding(PUBLISH, "retractions-in-0", null, "every instance, no group: retractions"),
						Party.client(PUBLISH, "the owner of each partition, from the start, on assignment"))));
		all.add(new Topic(topics.published(),
				"Publication events for downstream sites: PUBLISHED, UPDATED, CORRECTED, RETRACTED, each a full "
						+ "snapshot of the article version.",
				ArticlePublished.class, false, Headers.CLOUD_EVENTS,
				List.of(Party.binding(PUBLISH, "published", null, "in the decision's transaction")),
				List.of(Party.site("every event"), Party.binding(PUBLISH, "webhooks-in-0", "publish-webhooks",
						"posts each event to the sites that take webhooks"))));
		for (String section : publish.sections()) {
			all.add(new Topic(publish.sectionTopic(section),
					"The events of section '" + section + "' alone, the same records as on " + topics.published() + ".",
					ArticlePublished.class, false, Headers.CLOUD_EVENTS,
					List.of(Party.client(PUBLISH, "beside " + topics.published() + ", in the same transaction")),
					List.of(Party.site("one section's events"))));
		}
		all.add(new Topic(topics.latest(),
				"The live state of every article: its latest published version; a record without value (a "
						+ "tombstone, a CloudEvent without data) when it is retracted.",
				ArticlePublished.class, true, Headers.CLOUD_EVENTS,
				List.of(Party.binding(PUBLISH, "latest", null, "in the decision's transaction")),
				List.of(Party.site("bootstrapping: read from the beginning, it is the whole archive"),
						Party.binding(PUBLISH, "latestArticles-in-0", null,
								"every instance, no group: the read API, feeds and event streams"),
						Party.client(INGEST, "the re-enrichment of the archive, when an operator starts one: "
								+ "its own group, whose offsets are its position"))));
		all.add(new Topic(topics.status(), "The stage each article version reached.", ArticleStatus.class, true,
				Headers.TRACE,
				List.of(Party.binding(INGEST, "status", null, "RECEIVED, RETRACTED and refusals"),
						Party.binding(ENRICH, "status", null, "ENRICHED, in the enrichment's transaction"),
						Party.binding(PUBLISH, "status", null, "PUBLISHED, HELD, REJECTED, RETRACTED")),
				List.of(Party.binding(INGEST, "articleStatus-in-0", null,
						"every instance, no group: the status API, the desk, the status page"))));
		all.add(new Topic(topics.submitted() + PipelineTopics.DEAD_LETTER_SUFFIX,
				"Drafts enrichment still failed on after its retries, as they were, with the error in headers.",
				ArticleSubmitted.class, false, Headers.DEAD_LETTER,
				List.of(Party.binding(ENRICH, "enrich-in-0", null, "the binder, after the retries")),
				List.of(Party.operators())));
		all.add(new Topic(topics.enriched() + PipelineTopics.DEAD_LETTER_SUFFIX,
				"Versions (from " + topics.enriched() + " or " + topics.releases()
						+ ") the publisher still failed on after its retries, as they were, with the error in headers.",
				ArticleEnriched.class, false, Headers.DEAD_LETTER,
				List.of(Party.binding(PUBLISH, "publish-in-0", null, "the binder, after the retries")),
				List.of(Party.operators())));
		all.add(new Topic(publish.webhooks().deadLetterTopic(),
				"Events a site's webhook did not take after every attempt, with the site and the error in headers.",
				ArticlePublished.class, false, Headers.WEBHOOK_DEAD_LETTER,
				List.of(Party.client(PUBLISH, "the webhook delivery, in a transaction of its own")),
				List.of(Party.operators())));
		return List.copyOf(all);
	}

	/** Which headers a topic's records carry beside the binder's own. */
	public enum Headers {

		/** The W3C trace context. */
		TRACE,

		/** The trace context and the CloudEvents attributes (binary mode). */
		CLOUD_EVENTS,

		/** The trace context and the binder's dead-letter headers. */
		DEAD_LETTER,

		/** The trace context and the site, attempts and error of a webhook. */
		WEBHOOK_DEAD_LETTER

	}

	/**
	 * A topic.
	 *
	 * @param address its name
	 * @param description what it is for
	 * @param value the type of its values (Avro, from the {@code .avsc})
	 * @param compacted whether only the last record of each key is kept
	 * @param headers the headers its records carry
	 * @param writers who writes it
	 * @param readers who reads it
	 */
	public record Topic(String address, String description, Class<? extends SpecificRecord> value, boolean compacted,
			Headers headers, List<Party> writers, List<Party> readers) {
	}

	/**
	 * Who writes or reads a topic.
	 *
	 * @param service the service, or {@value #SITES} or {@value #OPERATORS}
	 * @param binding the Spring Cloud Stream binding in the service's
	 * {@code application.yml}, or {@code null} for a client of the service's own
	 * @param group the consumer group, or {@code null} when it reads without one
	 * @param how how, in a few words
	 */
	public record Party(String service, String binding, String group, String how) {

		static Party binding(String service, String binding, String group, String how) {
			return new Party(service, binding, group, how);
		}

		static Party client(String service, String how) {
			return new Party(service, null, null, how);
		}

		static Party site(String how) {
			return new Party(SITES, null, null, how);
		}

		static Party operators() {
			return new Party(OPERATORS, null, null, "through /api/v1/dead-letters: inspection and replay");
		}

	}

}
