package io.pressline.local;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The drafts in files and folders, for {@code submit}: a {@code .json} file holds one
 * draft (the JSON form of the editors' API) or an array of them, a {@code .ndjson} or
 * {@code .jsonl} file one draft per line, a {@code .txt} file one draft in the text form
 * (the headline on the first line, an optional {@code By ...} line, then the body).
 * Folders are read through, in name order; other files are skipped.
 *
 * <p>
 * Each draft gets an idempotency key made from its content (a SHA-256 of the draft as
 * sent), unless it names one itself: the same draft read again, from the same file or
 * another, has the same key, so a second run submits nothing twice.
 */
final class DraftFiles {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String KEY_FIELD = "idempotencyKey";

	private static final int MAX_BYLINE_LINE = 120;

	private DraftFiles() {
	}

	/**
	 * Reads the drafts in the given files and folders.
	 * @throws IllegalArgumentException when a path does not exist
	 */
	static Drafts read(List<Path> paths) {
		List<Draft> drafts = new ArrayList<>();
		List<Failure> unreadable = new ArrayList<>();
		int skipped = 0;
		for (Path path : paths) {
			if (!Files.exists(path)) {
				throw new IllegalArgumentException("No such file or folder: " + path);
			}
			List<Path> files;
			try (Stream<Path> walk = Files.walk(path)) {
				files = walk.filter(Files::isRegularFile).sorted().toList();
			}
			catch (IOException ex) {
				throw new IllegalArgumentException("Cannot read " + path + ": " + ex.getMessage(), ex);
			}
			for (Path file : files) {
				String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
				if (name.endsWith(".json")) {
					readJson(file, drafts, unreadable);
				}
				else if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
					readLines(file, drafts, unreadable);
				}
				else if (name.endsWith(".txt")) {
					readText(file, drafts, unreadable);
				}
				else {
					skipped++;
				}
			}
		}
		return new Drafts(drafts, unreadable, skipped);
	}

	private static void readJson(Path file, List<Draft> drafts, List<Failure> unreadable) {
		String text = text(file, unreadable);
		if (text == null) {
			return;
		}
		JsonNode root;
		try {
			root = json.readTree(text);
		}
		catch (JacksonException ex) {
			unreadable.add(new Failure(file.toString(), "not JSON: " + ex.getOriginalMessage()));
			return;
		}
		if (root != null && root.isArray()) {
			int i = 0;
			for (JsonNode item : root) {
				add(file + "[" + i++ + "]", item, drafts, unreadable);
			}
		}
		else {
			add(file.toString(), root, drafts, unreadable);
		}
	}

	private static void readLines(Path file, List<Draft> drafts, List<Failure> unreadable) {
		String text = text(file, unreadable);
		if (text == null) {
			return;
		}
		String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].isBlank()) {
				continue;
			}
			String source = file + ":" + (i + 1);
			try {
				add(source, json.readTree(lines[i]), drafts, unreadable);
			}
			catch (JacksonException ex) {
				unreadable.add(new Failure(source, "not JSON: " + ex.getOriginalMessage()));
			}
		}
	}

	/** The text form, read as the editors' API reads a {@code text/plain} draft. */
	private static void readText(Path file, List<Draft> drafts, List<Failure> unreadable) {
		String text = text(file, unreadable);
		if (text == null) {
			return;
		}
		String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
		int next = 0;
		while (next < lines.length && lines[next].isBlank()) {
			next++;
		}
		ObjectNode draft = json.createObjectNode();
		if (next < lines.length) {
			draft.put("headline", lines[next].strip());
			next++;
		}
		int afterHeadline = next;
		while (next < lines.length && lines[next].isBlank()) {
			next++;
		}
		if (next < lines.length && isByline(lines[next])) {
			draft.put("byline", lines[next].strip());
			afterHeadline = next + 1;
		}
		String body = String.join("\n", java.util.Arrays.copyOfRange(lines, afterHeadline, lines.length)).strip();
		if (!body.isEmpty()) {
			draft.put("body", body);
		}
		add(file.toString(), draft, drafts, unreadable);
	}

	private static boolean isByline(String line) {
		String stripped = line.strip();
		return stripped.startsWith("By ") && stripped.length() <= MAX_BYLINE_LINE && !stripped.endsWith(".");
	}

	private static void add(String source, JsonNode node, List<Draft> drafts, List<Failure> unreadable) {
		if (!(node instanceof ObjectNode draft)) {
			unreadable.add(new Failure(source, "not a JSON draft object"));
			return;
		}
		JsonNode given = draft.get(KEY_FIELD);
		if (given == null || given.isNull()) {
			draft.put(KEY_FIELD, keyOf(json.writeValueAsString(draft)));
		}
		String line = json.writeValueAsString(draft);
		drafts.add(new Draft(source, draft.get(KEY_FIELD).asString(), line));
	}

	/** A key made from the draft's content: the same draft always gets the same key. */
	static String keyOf(String draftJson) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(draftJson.getBytes(StandardCharsets.UTF_8));
			return "draft-sha256-" + HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java has SHA-256", ex);
		}
	}

	private static String text(Path file, List<Failure> unreadable) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
				.toString();
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (CharacterCodingException ex) {
			unreadable.add(new Failure(file.toString(), "not UTF-8"));
		}
		catch (IOException ex) {
			unreadable.add(new Failure(file.toString(), "cannot be read: " + ex.getMessage()));
		}
		return null;
	}

	/**
	 * One draft to submit.
	 *
	 * @param source where it is: the file, with the line or array index
	 * @param key its idempotency key
	 * @param json the draft as one line of NDJSON, its key among its fields
	 */
	record Draft(String source, String key, String json) {
	}

	/**
	 * A draft that was not submitted, and why.
	 *
	 * @param source where it is
	 * @param reason what was wrong, or what the pipeline answered
	 */
	record Failure(String source, String reason) {
	}

	/**
	 * What the files held.
	 *
	 * @param drafts the drafts to submit, in order
	 * @param unreadable the files, lines or items that are no draft
	 * @param skipped how many files were not drafts by their name
	 */
	record Drafts(List<Draft> drafts, List<Failure> unreadable, int skipped) {
	}

}
