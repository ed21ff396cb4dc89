package io.pressline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code reenrich [start|resume|stop|status] [--url=http://localhost:8081] [--key=...]
 * [--no-follow]}: the operators' endpoint of the archive's re-enrichment
 * ({@code /api/v1/ops/reenrichment} on ingest-service) from the command line.
 * {@code start} (the default) and {@code resume} then follow the run with a progress bar
 * on standard error (done/total, rate, time left; plain lines every few seconds when it
 * is not a terminal) until it finishes, stops or fails. The run is the service's: Ctrl-C
 * stops following it, not the run ({@code reenrich stop} does). The operator key comes
 * from {@code --key}, else {@code PRESSLINE_OPS_KEY}.
 */
final class Reenrichment {

	private static final String PATH = "/api/v1/ops/reenrichment";

	private static final Duration FOLLOW_EVERY = Duration.ofSeconds(1);

	private static final int WIDTH = 30;

	private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String url;

	private final String key;

	private final PrintStream err;

	private final boolean terminal;

	private final LongSupplier nanoTime;

	private long lastPlain = Long.MIN_VALUE;

	Reenrichment(String url, String key, PrintStream err, boolean terminal, LongSupplier nanoTime) {
		this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
		this.key = key;
		this.err = err;
		this.terminal = terminal;
		this.nanoTime = nanoTime;
	}

	/** The command line's way in; the exit code. */
	static int run(List<String> arguments, Map<String, String> flags, PrintStream out, PrintStream err) {
		if (arguments.size() > 1) {
			throw new IllegalArgumentException("reenrich takes one of start, resume, stop, status");
		}
		String action = arguments.isEmpty() ? "start" : arguments.get(0);
		String key = flags.getOrDefault("key", System.getenv("PRESSLINE_OPS_KEY"));
		Reenrichment command = new Reenrichment(flags.getOrDefault("url", "http://localhost:8081"), key, err,
				System.console() != null, System::nanoTime);
		boolean follow = !flags.containsKey("no-follow");
		JsonNode progress = switch (action) {
			case "start" -> command.send("POST", PATH);
			case "resume" -> command.send("POST", PATH + "/resume");
			case "stop" -> command.send("DELETE", PATH);
			case "status" -> command.send("GET", PATH);
			default -> throw new IllegalArgumentException(
					"reenrich takes one of start, resume, stop, status, not '" + action + "'");
		};
		if (follow && List.of("start", "resume").contains(action)) {
			progress = command.follow(progress);
		}
		out.println(command.summary(progress));
		return "FAILED".equals(progress.get("state").asString()) ? 1 : 0;
	}

	/**
	 * Asks for the progress every second and draws it, until the run is no longer going.
	 */
	JsonNode follow(JsonNode progress) {
		JsonNode last = progress;
		draw(last);
		while (going(last)) {
			try {
				Thread.sleep(FOLLOW_EVERY.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return last;
			}
			last = send("GET", PATH);
			draw(last);
		}
		if (this.terminal) {
			this.err.println();
		}
		return last;
	}

	static boolean going(JsonNode progress) {
		return List.of("RUNNING", "WAITING").contains(progress.get("state").asString());
	}

	private void draw(JsonNode progress) {
		long now = this.nanoTime.getAsLong();
		if (!this.terminal && going(progress) && this.lastPlain != Long.MIN_VALUE
				&& now - this.lastPlain < PLAIN_EVERY_NANOS) {
			return;
		}
		this.lastPlain = now;
		String line = line(progress);
		if (this.terminal) {
			long done = progress.get("done").asLong();
			long total = Math.max(1, progress.get("total").asLong());
			int filled = (int) (WIDTH * Math.min(1.0, done / (double) total));
			this.err.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line + "   ");
		}
		else {
			this.err.println(line);
		}
		this.err.flush();
	}

	/** The figures of the progress line, without the bar. */
	static String line(JsonNode progress) {
		String state = progress.get("state").asString();
		JsonNode eta = progress.get("etaSeconds");
		String left = ("FINISHED".equals(state)) ? "done"
				: (eta != null && !eta.isNull()) ? "ETA " + duration(eta.asLong()) : "ETA ?";
		String line = String.format(Locale.ROOT, "%d/%d read, %d replayed, %d passed over, %.1f/s (limit %s/s), %s",
				progress.get("done").asLong(), progress.get("total").asLong(), progress.get("submitted").asLong(),
				progress.get("skipped").asLong(), progress.get("ratePerSecond").asDouble(),
				number(progress.get("limitPerSecond").asDouble()), left);
		JsonNode detail = progress.get("detail");
		if ("WAITING".equals(state) && detail != null && !detail.isNull()) {
			line += " (" + detail.asString() + ")";
		}
		return line;
	}

	String summary(JsonNode progress) {
		String state = progress.get("state").asString();
		String run = progress.get("run").isNull() ? "none yet" : progress.get("run").asString();
		String summary = String.format(Locale.ROOT, "Re-enrichment %s: %s, %d of %d records of articles.latest read",
				run, state.toLowerCase(Locale.ROOT), progress.get("done").asLong(), progress.get("total").asLong());
		JsonNode detail = progress.get("detail");
		if (detail != null && !detail.isNull()) {
			summary += "\n" + detail.asString();
		}
		if ("STOPPED".equals(state)) {
			summary += "\nIts position is kept: 'reenrich resume' goes on from there.";
		}
		return summary;
	}

	private JsonNode send(String method, String path) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.url + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (this.key != null && !this.key.isBlank()) {
			request.header("Authorization", "Bearer " + this.key);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("ingest-service at " + this.url + " did not answer: "
					+ ((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName()), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		JsonNode body;
		try {
			body = this.json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + " without JSON: " + response.body(),
					ex);
		}
		if (response.statusCode() >= 400) {
			String detail = (body.hasNonNull("detail")) ? body.get("detail").asString() : response.body();
			String hint = (response.statusCode() == 401 || response.statusCode() == 403)
					? " (give the operator key with --key or PRESSLINE_OPS_KEY)" : "";
			throw new IllegalStateException(
					method + " " + path + " answered " + response.statusCode() + ": " + detail + hint);
		}
		return body;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static String duration(long s) {
		return (s >= 3600) ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
				: (s >= 60) ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
	}

}
