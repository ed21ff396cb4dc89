package io.pressline.publish.delivery;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A site's webhook endpoint, a real HTTP server: it checks every delivery with Standard
 * Webhooks' own Java library (the site's key, its 5-minute tolerance), refuses one that
 * does not verify with 400 as a site would, and answers the others as scripted per
 * attempt of the same {@code webhook-id}.
 */
final class SiteReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Webhook verifier;

	private final IntFunction<Answer> answers;

	private final CountDownLatch released = new CountDownLatch(1);

	final List<Received> requests = new CopyOnWriteArrayList<>();

	private SiteReceiver(String key, IntFunction<Answer> answers) throws IOException, EmptyWebhookSecretException {
		this.verifier = new Webhook(key);
		this.answers = answers;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Headers headers = exchange.getRequestHeaders();
			String refusal = null;
			try {
				this.verifier.verify(new String(body, StandardCharsets.UTF_8), headers);
			}
			catch (WebhookVerificationException ex) {
				refusal = ex.getMessage();
			}
			Received received = new Received(headers, body, refusal);
			this.requests.add(received);
			Answer answer = (refusal != null) ? new Answer(400, Map.of(), "refused: " + refusal, false)
					: this.answers.apply(attempts(headers.getFirst(WebhookSignature.ID_HEADER)));
			if (answer.hang()) {
				try {
					// Never answers within the sender's timeout; let go when the test
					// ends.
					this.released.await(30, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				exchange.close();
				return;
			}
			answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			byte[] text = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), (text.length == 0) ? -1 : text.length);
			if (text.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(text);
				}
			}
			exchange.close();
		});
		// One thread per request: an attempt left hanging must not hold up the next.
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	/** A receiver that verifies with this key and answers each attempt as given. */
	static SiteReceiver start(String key, IntFunction<Answer> answers) {
		try {
			return new SiteReceiver(key, answers);
		}
		catch (IOException | EmptyWebhookSecretException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	private int attempts(String id) {
		return (int) this.requests.stream()
			.filter((r) -> id != null && id.equals(r.headers().getFirst(WebhookSignature.ID_HEADER)))
			.count();
	}

	@Override
	public void close() {
		this.released.countDown();
		this.server.stop(0);
	}

	/** How the site answers one attempt. */
	record Answer(int status, Map<String, String> headers, String body, boolean hang) {

		static Answer status(int status) {
			return new Answer(status, Map.of(), "", false);
		}

		static Answer status(int status, String body) {
			return new Answer(status, Map.of(), body, false);
		}

		static Answer retryAfter(int status, String retryAfter) {
			return new Answer(status, Map.of("Retry-After", retryAfter), "", false);
		}

		static Answer noAnswer() {
			return new Answer(0, Map.of(), "", true);
		}

	}

	/**
	 * A request as the site got it.
	 *
	 * @param refusal why the Standard Webhooks library refused it, or {@code null} when
	 * it verified
	 */
	record Received(Headers headers, byte[] body, String refusal) {

		boolean verified() {
			return this.refusal == null;
		}

	}

}
