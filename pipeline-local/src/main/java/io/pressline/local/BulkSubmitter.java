package io.pressline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar pipeline-local/target/pipeline-local.jar submit DIR-or-FILE... [--url=...]
 * [--key=...] [--batch-size=100] [--batch-bytes=4MB]}: sends the drafts of files and
 * folders (see {@link DraftFiles}) to bulk submission
 * ({@code POST /api/v1/articles:batch}) in chunks, shows progress on standard error, and
 * prints a summary with each failure. The editor key comes from {@code --key}, or else
 * the {@code PRESSLINE_KEY} environment variable. Every draft has an idempotency key made
 * from its content, so running it again submits nothing twice; a draft the pipeline could
 * not take for now (503, or its key still in use) is sent again, a few times.
 */
final class BulkSubmitter {

	/** Sends of one draft before it is given up as failed. */
	private static final int ATTEMPTS = 3;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI endpoint;

	private final String key;

	private int batchSize;

	private long batchBytes;

	private final PrintStream err;

	private final boolean terminal;

	BulkSubmitter(String url, String key, int batchSize, long batchBytes, PrintStream err, boolean terminal) {
		this.endpoint = URI.create(url.replaceAll("/+$", "") + "/api/v1/articles:batch");
		this.key = key;
		this.batchSize = batchSize;
		this.batchBytes = batchBytes;
		this.err = err;
		this.terminal = terminal;
	}

	/** The command line's way in. */
	static int run(List<String> paths, Map<String, String> flags, PrintStream out, PrintStream err) {
		if (paths.isEmpty()) {
			throw new IllegalArgumentException("submit needs at least one file or folder of drafts");
		}
		String key = flags.getOrDefault("key", System.getenv("PRESSLINE_KEY"));
		int batchSize = PresslineLocal.intFlag(flags, "batch-size", 100);
		long batchBytes = bytes(flags.getOrDefault("batch-bytes", "4MB"));
		if (batchSize < 1 || batchBytes < 1024) {
			throw new IllegalArgumentException("--batch-size must be positive and --batch-bytes at least 1KB");
		}
		DraftFiles.Drafts drafts = DraftFiles.read(paths.stream().map(java.nio.file.Path::of).toList());
		BulkSubmitter submitter = new BulkSubmitter(flags.getOrDefault("url", "http://localhost:8081"), key, batchSize,
				batchBytes, err, System.console() != null);
		Summary summary = submitter.submit(drafts);
		out.print(summary.describe());
		return summary.failures().isEmpty() ? 0 : 1;
	}

	/** A size as {@code 4MB}, {@code 512KB} or plain bytes. */
	static long bytes(String size) {
		java.util.regex.Matcher parts = java.util.regex.Pattern.compile("(?i)\\s*(\\d+)\\s*(B|KB|MB)?\\s*")
			.matcher(size);
		if (!parts.matches()) {
			throw new IllegalArgumentException("--batch-bytes is a size such as 4MB or 512KB, not '" + size + "'");
		}
		long number = Long.parseLong(parts.group(1));
		String unit = (parts.group(2) != null) ? parts.group(2).toUpperCase(Locale.ROOT) : "B";
		return switch (unit) {
			case "KB" -> number * 1024;
			case "MB" -> number * 1024 * 1024;
			default -> number;
		};
	}

	/** Submits the drafts and says what became of each. */
	Summary submit(DraftFiles.Drafts drafts) {
		List<DraftFiles.Failure> failures = new ArrayList<>(drafts.unreadable());
		Map<String, String> submitted = new java.util.LinkedHashMap<>();
		Map<String, String> replayed = new java.util.LinkedHashMap<>();
		Map<DraftFiles.Draft, Integer> attempts = new HashMap<>();
		Deque<DraftFiles.Draft> queue = new ArrayDeque<>(drafts.drafts());
		SubmitProgress progress = new SubmitProgress(this.err, this.terminal, drafts.drafts().size());
		if (drafts.skipped() > 0) {
			this.err.println("Skipped " + drafts.skipped() + " file(s) that are not .json, .ndjson, .jsonl or .txt");
		}
		progress.update(0, 0);
		while (!queue.isEmpty()) {
			List<DraftFiles.Draft> chunk = nextChunk(queue);
			Answer answer = send(chunk);
			if (answer.tooLarge()) {
				// The service's limits are smaller than ours: split, and go on with its.
				for (int i = chunk.size() - 1; i >= 0; i--) {
					queue.addFirst(chunk.get(i));
				}
				continue;
			}
			boolean retrying = false;
			for (int i = 0; i < chunk.size(); i++) {
				DraftFiles.Draft draft = chunk.get(i);
				JsonNode item = (answer.items() != null) ? answer.items().get(i) : null;
				int status = (item != null) ? item.get("status").asInt() : answer.status();
				if (status == 202) {
					(item.path("replayed").asBoolean(false) ? replayed : submitted).put(draft.source(),
							item.get("id").asString());
				}
				else if ((status == 503 || status == 409 || status == 0)
						&& attempts.merge(draft, 1, Integer::sum) < ATTEMPTS) {
					queue.addLast(draft);
					retrying = true;
				}
				else {
					failures.add(new DraftFiles.Failure(draft.source(),
							(item != null) ? reason(item.get("problem")) : answer.error()));
				}
			}
			if (answer.unauthorized()) {
				queue.forEach((draft) -> failures.add(new DraftFiles.Failure(draft.source(), answer.error())));
				queue.clear();
			}
			progress.update(submitted.size() + replayed.size() + failures.size() - drafts.unreadable().size(),
					failures.size() - drafts.unreadable().size());
			if (retrying) {
				// The pipeline could not take some drafts just now: give it a moment.
				pause(Duration.ofSeconds(1));
			}
		}
		return new Summary(submitted, replayed, failures, drafts.skipped());
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private List<DraftFiles.Draft> nextChunk(Deque<DraftFiles.Draft> queue) {
		List<DraftFiles.Draft> chunk = new ArrayList<>();
		long bytes = 0;
		while (!queue.isEmpty() && chunk.size() < this.batchSize) {
			long size = queue.peekFirst().json().getBytes(StandardCharsets.UTF_8).length + 1;
			if (!chunk.isEmpty() && bytes + size > this.batchBytes) {
				break;
			}
			bytes += size;
			chunk.add(queue.pollFirst());
		}
		return chunk;
	}

	private Answer send(List<DraftFiles.Draft> chunk) {
		StringBuilder body = new StringBuilder();
		chunk.forEach((draft) -> body.append(draft.json()).append('\n'));
		HttpRequest.Builder request = HttpRequest.newBuilder(this.endpoint)
			.header("Content-Type", "application/x-ndjson")
			.timeout(Duration.ofSeconds(120))
			.POST(HttpRequest.BodyPublishers.ofString(body.toString()));
		if (this.key != null && !this.key.isBlank()) {
			request.header("Authorization", "Bearer " + this.key);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return new Answer(0, null, "no answer from " + this.endpoint + ": " + ex.getMessage(), false, false);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
		JsonNode document;
		try {
			document = json.readTree(response.body());
		}
		catch (JacksonException ex) {
			document = null;
		}
		int status = response.statusCode();
		if (status == 200 && document != null && document.has("items")) {
			return new Answer(200, document.get("items"), null, false, false);
		}
		String error = (document != null && document.has("title")) ? reason(document)
				: "HTTP " + status + " from " + this.endpoint;
		if (status == 413 && document != null && chunk.size() > 1) {
			int items = document.path("limitItems").asInt(this.batchSize);
			long bytes = document.path("limitBytes").asLong(this.batchBytes);
			int smaller = Math.max(1, Math.min(items, chunk.size() / 2));
			this.batchSize = Math.min(this.batchSize, smaller);
			this.batchBytes = Math.min(this.batchBytes, bytes);
			return new Answer(status, null, error, true, false);
		}
		boolean unauthorized = status == 401 || status == 403;
		if (unauthorized) {
			error += (this.key == null) ? " (give the editor key with --key or PRESSLINE_KEY)"
					: " (is the editor key right?)";
		}
		return new Answer(status, null, error, false, unauthorized);
	}

	private static String reason(JsonNode problem) {
		if (problem == null) {
			return "no answer for this draft";
		}
		StringBuilder reason = new StringBuilder().append(problem.path("status").asInt())
			.append(' ')
			.append(problem.path("title").asString(""));
		if (problem.hasNonNull("detail")) {
			reason.append(": ").append(problem.get("detail").asString());
		}
		return reason.toString();
	}

	/** What the service answered a chunk. */
	private record Answer(int status, JsonNode items, String error, boolean tooLarge, boolean unauthorized) {
	}

	/**
	 * What became of the drafts.
	 *
	 * @param submitted the drafts submitted now, by source, with their article id
	 * @param replayed those submitted before (by an earlier run), with their article id
	 * @param failures those that were not submitted, and why
	 * @param skipped files that were not drafts by their name
	 */
	record Summary(Map<String, String> submitted, Map<String, String> replayed, List<DraftFiles.Failure> failures,
			int skipped) {

		String describe() {
			StringBuilder text = new StringBuilder(
					String.format(Locale.ROOT, "%d submitted, %d submitted before (nothing sent twice), %d failed%n",
							this.submitted.size(), this.replayed.size(), this.failures.size()));
			for (DraftFiles.Failure failure : this.failures) {
				text.append("  FAILED ").append(failure.source()).append(": ").append(failure.reason()).append('\n');
			}
			return text.toString();
		}

	}

}
