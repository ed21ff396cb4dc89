package io.pressline.enrich;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of enrich-service, under {@code pressline.enrich}. The body limit of the
 * preview is the pipeline's one, {@code pressline.drafts.max-body-size}.
 *
 * @param engine what enriches the drafts
 */
@ConfigurationProperties("pressline.enrich")
public record EnrichProperties(Engine engine) {

	public EnrichProperties {
		engine = (engine != null) ? engine : Engine.NLP;
	}

	/** The enrichment engines. */
	public enum Engine {

		/** The enrichment engine of {@code io.pressline.enrich.nlp}. */
		NLP,

		/** No language work at all: an empty enrichment (load tests only). */
		PASSTHROUGH

	}

}
