package io.pressline.ingest;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The editors' entry point: {@code POST /api/v1/articles} turns a draft into an
 * {@code ArticleSubmitted} event on {@code articles.submitted}; {@code GET
 * /api/v1/articles/{id}} answers the stage the article has reached, read from
 * {@code articles.status}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IngestApplication {

	public static void main(String[] args) {
		SpringApplication.run(IngestApplication.class, args);
	}

}
