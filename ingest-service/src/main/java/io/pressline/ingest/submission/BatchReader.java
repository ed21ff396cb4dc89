package io.pressline.ingest.submission;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.pressline.ingest.IngestProperties;
import io.pressline.platform.draft.Draft;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.DraftTooLargeException;
import io.pressline.platform.draft.InvalidDraftException;
import io.pressline.platform.draft.MalformedDraftException;
import io.pressline.platform.web.DraftProblems;

/**
 * Reads a bulk submission: NDJSON (one JSON draft per line, blank lines skipped) or a
 * JSON array of drafts, each in the JSON form of {@code POST /api/v1/articles} with one
 * more field, {@code idempotencyKey}. The batch as a whole is refused when it is over its
 * limits or cannot be split into items; after that, each item is read and checked on its
 * own, and a bad one becomes its problem document without stopping the others.
 */
class BatchReader {

	/** The field of an item that carries its idempotency key. */
	static final String KEY_FIELD = "idempotencyKey";

	static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

	private final DraftRequests drafts;

	private final JsonMapper json;

	private final IngestProperties.Batch limits;

	BatchReader(DraftRequests drafts, JsonMapper json, IngestProperties.Batch limits) {
		this.drafts = drafts;
		this.json = json;
		this.limits = limits;
	}

	/**
	 * Reads the items of a batch request.
	 * @throws BatchTooLargeException when it has more bytes or drafts than allowed
	 * @throws MalformedDraftException when it cannot be split into drafts
	 */
	List<Item> read(HttpServletRequest request) throws IOException {
		byte[] body = readBounded(request);
		MediaType type = MediaType.parseMediaType(request.getContentType());
		List<JsonNode> nodes = new ArrayList<>();
		List<MalformedDraftException> unreadable = new ArrayList<>();
		if (NDJSON.isCompatibleWith(type)) {
			splitLines(body, nodes, unreadable);
		}
		else {
			readArray(body, nodes, unreadable);
		}
		if (nodes.isEmpty()) {
			throw new MalformedDraftException("The batch holds no drafts", null);
		}
		if (nodes.size() > this.limits.maxItems()) {
			throw tooLarge(nodes.size() + " drafts are more than the " + this.limits.maxItems()
					+ " one batch may hold; send them in smaller batches");
		}
		List<Item> items = new ArrayList<>(nodes.size());
		for (int i = 0; i < nodes.size(); i++) {
			items.add(item(i, nodes.get(i), unreadable.get(i)));
		}
		return items;
	}

	private Item item(int index, JsonNode node, MalformedDraftException unreadable) {
		if (unreadable != null) {
			return Item.refused(index, null, DraftProblems.problemOf(unreadable));
		}
		if (!(node instanceof ObjectNode fields)) {
			return Item.refused(index, null, DraftProblems
				.problemOf(new MalformedDraftException("Each item must be a JSON draft object", null)));
		}
		String key = null;
		JsonNode keyNode = fields.remove(KEY_FIELD);
		try {
			if (keyNode != null && !keyNode.isNull()) {
				if (!keyNode.isString()) {
					throw new MalformedDraftException(KEY_FIELD + " must be a string", KEY_FIELD);
				}
				key = keyNode.asString();
				IdempotencyKeys.requireValid(key, KEY_FIELD);
			}
			Draft draft = this.drafts.readJson(this.json.writeValueAsBytes(fields));
			return new Item(index, key, draft, null);
		}
		catch (MalformedDraftException ex) {
			return Item.refused(index, key, DraftProblems.problemOf(ex));
		}
		catch (InvalidDraftException ex) {
			return Item.refused(index, key, DraftProblems.problemOf(ex));
		}
		catch (DraftTooLargeException ex) {
			return Item.refused(index, key, DraftProblems.problemOf(ex));
		}
	}

	/**
	 * One JSON value per non-blank line; a line that is not JSON is that item's problem.
	 */
	private void splitLines(byte[] body, List<JsonNode> nodes, List<MalformedDraftException> unreadable) {
		int start = 0;
		int line = 1;
		while (start <= body.length) {
			int end = start;
			while (end < body.length && body[end] != '\n') {
				end++;
			}
			if (!blank(body, start, end)) {
				try {
					nodes.add(this.json.readTree(java.util.Arrays.copyOfRange(body, start, end)));
					unreadable.add(null);
				}
				catch (JacksonException ex) {
					nodes.add(null);
					unreadable.add(new MalformedDraftException(
							"Line " + line + " is not one JSON draft: " + ex.getOriginalMessage(), null));
				}
			}
			start = end + 1;
			line++;
		}
	}

	private void readArray(byte[] body, List<JsonNode> nodes, List<MalformedDraftException> unreadable) {
		JsonNode root;
		try {
			root = this.json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MalformedDraftException("The batch is not valid JSON: " + ex.getOriginalMessage(), null);
		}
		if (root == null || !root.isArray()) {
			throw new MalformedDraftException("A JSON batch must be an array of drafts (or send application/x-ndjson)",
					null);
		}
		for (JsonNode node : root) {
			nodes.add(node);
			unreadable.add(null);
		}
	}

	private byte[] readBounded(HttpServletRequest request) throws IOException {
		long limit = this.limits.maxSize().toBytes();
		if (request.getContentLengthLong() > limit) {
			throw tooLarge("The batch has " + request.getContentLengthLong() + " bytes, more than the " + limit
					+ " one batch may have; send smaller batches");
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
			if (bytes.length > limit) {
				throw tooLarge(
						"The batch has more than the " + limit + " bytes one batch may have; send smaller batches");
			}
			return bytes;
		}
	}

	private BatchTooLargeException tooLarge(String message) {
		return new BatchTooLargeException(message, this.limits.maxItems(), this.limits.maxSize().toBytes());
	}

	private static boolean blank(byte[] bytes, int start, int end) {
		for (int i = start; i < end; i++) {
			if (bytes[i] != ' ' && bytes[i] != '\t' && bytes[i] != '\r') {
				return false;
			}
		}
		return true;
	}

	/**
	 * One item of a batch: a draft to submit, or its problem.
	 *
	 * @param index its place in the batch, from 0 (blank NDJSON lines are not counted)
	 * @param idempotencyKey its key, or {@code null}
	 * @param draft the draft, or {@code null} when it was refused
	 * @param problem why it was refused, or {@code null}
	 */
	record Item(int index, String idempotencyKey, Draft draft, ProblemDetail problem) {

		static Item refused(int index, String key, ProblemDetail problem) {
			return new Item(index, key, null, problem);
		}

	}

}
