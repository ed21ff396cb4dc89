package io.pressline.publish;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The publication stage: reads {@code articles.enriched}, applies the editorial rules and
 * publishes full article snapshots to {@code articles.published} and the compacted
 * {@code articles.latest}, which downstream sites subscribe to.
 */
@SpringBootApplication
public class PublishApplication {

	public static void main(String[] args) {
		SpringApplication.run(PublishApplication.class, args);
	}

}
