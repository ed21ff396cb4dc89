package io.pressline.enrich.nlp.ner;

import java.util.List;

import io.pressline.enrich.nlp.Document;

/**
 * Finds entity mentions in a segmented article. Implementations may use a statistical
 * model, a gazetteer or rules; they are combined by {@link MentionMerger}.
 */
public interface EntityRecognizer {

	/** Mentions in document order; they may overlap each other but not themselves. */
	List<Mention> recognize(Document document);

}
