package io.pressline.benchmarks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Function;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;

import io.pressline.enrich.nlp.ner.EntityType;
import io.pressline.enrich.quality.Evaluation;
import io.pressline.enrich.quality.GoldArticle;

/**
 * The peer: Stanford CoreNLP's default English NER pipeline (tokenize, ssplit, pos,
 * lemma, ner: three CRFs, SUTime, numeric and fine-grained rules), as anyone gets it by
 * asking for {@code annotators=tokenize,ssplit,pos,lemma,ner}. Its fine-grained place
 * types (CITY, COUNTRY, STATE_OR_PROVINCE) count as LOCATION. Its pronoun mentions
 * ("she", "his"), which it reports as PERSON, are left out because the gold set does not
 * mark pronouns: counting them would be unfair to it. It links nothing and attributes no
 * quotes.
 */
public final class CoreNlpDefaultPipeline implements Function<GoldArticle, Evaluation.Prediction> {

	private final StanfordCoreNLP pipeline;

	public CoreNlpDefaultPipeline() {
		Properties properties = new Properties();
		properties.setProperty("annotators", "tokenize,ssplit,pos,lemma,ner");
		this.pipeline = new StanfordCoreNLP(properties);
	}

	/** Annotates a text as the pipeline does; the benchmark's unit of work. */
	public CoreDocument annotate(String text, LocalDate date) {
		CoreDocument document = new CoreDocument(text);
		document.annotation().set(CoreAnnotations.DocDateAnnotation.class, date.toString());
		this.pipeline.annotate(document);
		return document;
	}

	@Override
	public Evaluation.Prediction apply(GoldArticle article) {
		CoreDocument document = annotate(article.article().fullText(), article.date());
		List<Evaluation.Predicted> mentions = new ArrayList<>();
		for (CoreEntityMention mention : document.entityMentions()) {
			EntityType type = type(mention.entityType());
			if (type != null && !isPronoun(mention)) {
				String normalised = mention.coreMap().get(CoreAnnotations.NormalizedNamedEntityTagAnnotation.class);
				mentions.add(new Evaluation.Predicted(mention.charOffsets().first, mention.charOffsets().second, type,
						(normalised != null) ? normalised : mention.text(), null));
			}
		}
		return new Evaluation.Prediction(mentions, null, null);
	}

	private static boolean isPronoun(CoreEntityMention mention) {
		return mention.tokens().stream().allMatch((token) -> token.tag() != null && token.tag().startsWith("PRP"));
	}

	private static EntityType type(String label) {
		return switch (label) {
			case "PERSON" -> EntityType.PERSON;
			case "ORGANIZATION" -> EntityType.ORGANIZATION;
			case "LOCATION", "CITY", "COUNTRY", "STATE_OR_PROVINCE" -> EntityType.LOCATION;
			case "DATE" -> EntityType.DATE;
			case "MONEY" -> EntityType.MONEY;
			default -> null;
		};
	}

}
