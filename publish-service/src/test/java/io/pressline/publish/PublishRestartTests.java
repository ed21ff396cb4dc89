package io.pressline.publish;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.serde.AvroEventDeserializer;
import io.pressline.testing.KafkaTest;
import io.pressline.testing.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What publish-service keeps across a restart: held embargoes, released on time by the
 * next instance, and the published articles it serves, rebuilt from
 * {@code articles.latest}.
 */
@KafkaTest
class PublishRestartTests {

	private static final Duration WAIT = Duration.ofSeconds(60);

	@Test
	void anEmbargoHeldBeforeARestartIsReleasedOnTimeAfterIt() throws Exception {
		String live = UUID.randomUUID().toString();
		String embargoed = UUID.randomUUID().toString();
		Instant embargo;
		try (ConfigurableApplicationContext first = start();
				TopicProbe<SpecificRecord> status = TopicProbe.on("articles.status", new AvroEventDeserializer());
				TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published",
						new AvroEventDeserializer())) {
			PublishFixtures.sendEnriched(PublishFixtures.draft(live, 1));
			published.await((r) -> live.equals(r.key()), WAIT);
			// long enough to stop this instance and start the next one before it ends
			embargo = Instant.now().plusSeconds(20).truncatedTo(ChronoUnit.MILLIS);
			PublishFixtures.sendEnriched(PublishFixtures.draft(embargoed, 1).setEmbargoUntil(embargo));
			ArticleStatus held = (ArticleStatus) status
				.await((r) -> embargoed.equals(r.key()) && ((ArticleStatus) r.value()).getStage() == ArticleStage.HELD,
						WAIT)
				.value();
			assertThat(held.getReason()).isEqualTo("embargoed until " + embargo);
		}

		try (ConfigurableApplicationContext second = start();
				TopicProbe<SpecificRecord> published = TopicProbe.on("articles.published",
						new AvroEventDeserializer())) {
			assertThat(Instant.now()).as("the second instance must start before the embargo ends").isBefore(embargo);
			ArticlePublished released = (ArticlePublished) published.await((r) -> embargoed.equals(r.key()), WAIT)
				.value();
			assertThat(released.getPublishedAt()).isBetween(embargo, embargo.plusSeconds(1));

			int port = ((WebServerApplicationContext) second).getWebServer().getPort();
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/published/" + live))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as("published before the restart, served after it").isEqualTo(200);
			assertThat(answer.body()).contains("\"articleId\":\"" + live + "\"");
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PublishApplication.class).run("--server.port=0");
	}

}
