package io.pressline.enrich;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The enrichment stage: reads {@code articles.submitted}, finds what the text is about
 * and writes {@code articles.enriched}. The engine is
 * {@link io.pressline.enrich.nlp.Enricher}; this application only binds it to Kafka.
 */
@SpringBootApplication
public class EnrichApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnrichApplication.class, args);
	}

}
