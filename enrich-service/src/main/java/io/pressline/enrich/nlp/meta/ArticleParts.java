package io.pressline.enrich.nlp.meta;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;

/**
 * The parts of news copy that are not the story itself: a byline ({@code By Ada Quill})
 * at the top of the body, and photo captions, short lines that end with a credit in
 * brackets ({@code (Photo: Lena Varga/Pressline)}, {@code (AFP/Getty Images)}).
 *
 * @param byline the byline, or {@code null}
 * @param captions the captions, each with its credit
 * @param captionSentences indexes of the body sentences that belong to captions
 */
public record ArticleParts(String byline, List<Caption> captions, Set<Integer> captionSentences) {

	private static final Pattern BYLINE = Pattern.compile("^By (\\p{Lu}[^\\n]{2,100})$");

	private static final Pattern CREDIT = Pattern
		.compile("\\s*\\((?<credit>(?:(?:Photo|Photograph|Picture|Image|Video)s?(?: by)?:\\s*)?[^()]{2,80}/[^()]{2,80}"
				+ "|(?:Photo|Photograph|Picture|Image)s?(?: by)?:\\s*[^()]{2,80})\\)\\s*$");

	private static final int MAX_CAPTION_WORDS = 60;

	/**
	 * A photo caption.
	 *
	 * @param text the caption without its credit
	 * @param credit who took the picture and for whom ({@code Lena Varga/Pressline}), or
	 * {@code null}
	 */
	public record Caption(String text, String credit) {
	}

	public static ArticleParts read(Document document) {
		String text = document.text();
		int bodyStart = document.article().bodyOffset();
		String byline = null;
		int firstBreak = text.indexOf('\n', bodyStart);
		String firstLine = text.substring(bodyStart, (firstBreak < 0) ? text.length() : firstBreak).strip();
		Matcher by = BYLINE.matcher(firstLine);
		if (by.matches() && !firstLine.endsWith(".")) {
			byline = firstLine;
		}
		List<Caption> captions = new ArrayList<>();
		Set<Integer> captionSentences = new HashSet<>();
		int lineStart = bodyStart;
		while (lineStart < text.length()) {
			int lineEnd = text.indexOf('\n', lineStart);
			lineEnd = (lineEnd < 0) ? text.length() : lineEnd;
			String line = text.substring(lineStart, lineEnd).strip();
			Matcher credit = CREDIT.matcher(line);
			if (!line.isEmpty() && credit.find() && line.split("\\s+").length <= MAX_CAPTION_WORDS) {
				String creditText = credit.group("credit")
					.replaceFirst("^(?:Photo|Photograph|Picture|Image|Video)s?(?: by)?:\\s*", "");
				captions.add(new Caption(line.substring(0, credit.start()).strip(), creditText.strip()));
				for (int i = 0; i < document.body().size(); i++) {
					Sentence sentence = document.body().get(i);
					if (sentence.start() >= lineStart && sentence.end() <= lineEnd) {
						captionSentences.add(i);
					}
				}
			}
			lineStart = lineEnd + 1;
		}
		return new ArticleParts(byline, captions, captionSentences);
	}

}
