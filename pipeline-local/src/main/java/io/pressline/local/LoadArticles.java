package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Drafts for load runs, made from the sample articles in {@code samples/}: paragraphs are
 * taken in turn across the samples until the body reaches the wanted length, so every
 * draft is real newsroom prose of a known size, and no two drafts in a run are the same.
 */
final class LoadArticles {

	private final List<String> paragraphs = new ArrayList<>();

	private LoadArticles(List<String> paragraphs) {
		this.paragraphs.addAll(paragraphs);
	}

	static LoadArticles fromSamples(Path samples) {
		if (!Files.isDirectory(samples)) {
			throw new IllegalArgumentException("No sample folder " + samples.toAbsolutePath()
					+ ": run from the repository's top folder or give --samples=<folder>");
		}
		List<String> paragraphs = new ArrayList<>();
		try (Stream<Path> files = Files.list(samples)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".txt")).sorted().toList()) {
				String[] blocks = Files.readString(file).replace("\r\n", "\n").split("\n\\s*\n");
				// The first block is the headline, a short second one the byline.
				for (int i = 1; i < blocks.length; i++) {
					String block = blocks[i].strip();
					if (block.split("\\s+").length > 12) {
						paragraphs.add(block);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		if (paragraphs.isEmpty()) {
			throw new IllegalArgumentException("No sample articles in " + samples.toAbsolutePath());
		}
		return new LoadArticles(paragraphs);
	}

	/** The JSON draft of article {@code n} of about {@code words} words. */
	String draft(int n, int words, String section) {
		StringBuilder body = new StringBuilder();
		int count = 0;
		int next = n % this.paragraphs.size();
		while (count < words) {
			String paragraph = this.paragraphs.get(next);
			if (body.length() > 0) {
				body.append("\n\n");
			}
			body.append(paragraph);
			count += paragraph.split("\\s+").length;
			next = (next + 1) % this.paragraphs.size();
		}
		return "{\"headline\": " + quote("Load test article " + n) + ", \"body\": " + quote(body.toString())
				+ ", \"section\": " + quote(section) + "}";
	}

	private static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 16).append('"');
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20) {
						quoted.append(String.format("\\u%04x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

}
