package io.pressline.publish.delivery;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.PublicationEventType;
import io.pressline.publish.PublishFixtures;
import io.pressline.publish.rules.Decision;
import io.pressline.publish.edition.Editions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook deliveries run on worker threads of their own: what they log about an article
 * still names the article and the trace of the record being delivered.
 */
class DeliveryLogContextTests {

	private HttpServer site;

	@BeforeEach
	void aSiteThatAlwaysFails() throws Exception {
		this.site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.site.createContext("/hook", (exchange) -> {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});
		this.site.start();
	}

	@AfterEach
	void stop() {
		this.site.stop(0);
	}

	@Test
	void aDeadLetteredDeliveryIsLoggedWithTheArticleAndTheCallersTrace() throws Exception {
		CompletableFuture<Map<String, String>> seenByWorker = new CompletableFuture<>();
		Site wire = new Site("wire", URI.create("http://127.0.0.1:" + this.site.getAddress().getPort() + "/hook"),
				"s3cret-s3cret-s3cret", List.of());
		WebhookDelivery.Retry once = new WebhookDelivery.Retry(1, Duration.ofMillis(10), 2, Duration.ofMillis(10),
				Duration.ofSeconds(5));
		try (WebhookDelivery delivery = new WebhookDelivery(List.of(wire), HttpClient.newHttpClient(), once,
				new DeliveryLog(10), (s, event, attempts, error) -> seenByWorker.complete(MDC.getCopyOfContextMap()),
				Clock.systemUTC())) {
			MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
			try {
				delivery.deliver(published("art-7"));
			}
			finally {
				MDC.clear();
			}
		}
		Map<String, String> context = seenByWorker.get(10, TimeUnit.SECONDS);
		assertThat(context).containsEntry("articleId", "art-7")
			.containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
	}

	private static ArticlePublished published(String id) {
		Instant now = Instant.now();
		ArticleEnriched enriched = PublishFixtures.enriched(PublishFixtures.draft(id, 1).setSubmittedAt(now).build());
		return new Editions("https://news.example.org").edition(enriched,
				new Decision.Publish(PublicationEventType.PUBLISHED, now, "local"), null, now);
	}

}
