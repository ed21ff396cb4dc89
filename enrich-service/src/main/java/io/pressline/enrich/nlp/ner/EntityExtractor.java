package io.pressline.enrich.nlp.ner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.pressline.enrich.kb.EntityLinker;
import io.pressline.enrich.kb.KnowledgeBase;
import io.pressline.enrich.kb.Link;
import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Sentence;

/**
 * Everything the article names, as linked entities: the statistical model, the knowledge
 * base's names, the dateline and the date and money rules, merged, grouped and linked.
 */
public final class EntityExtractor {

	private final EntityRecognizer model;

	private final GazetteerRecognizer gazetteer;

	private final MentionMerger merger;

	private final EntityResolver resolver;

	private final EntityLinker linker;

	private final DateRecognizer dates = new DateRecognizer();

	private final MoneyRecognizer money = new MoneyRecognizer();

	private final NameRules names = new NameRules();

	public EntityExtractor(EntityRecognizer model, KnowledgeBase kb) {
		this.model = model;
		this.gazetteer = new GazetteerRecognizer(kb);
		this.merger = new MentionMerger(kb);
		this.linker = new EntityLinker(kb);
		this.resolver = new EntityResolver(this.linker);
	}

	/**
	 * What the article names.
	 *
	 * @param entities most salient first
	 * @param dateline the dateline, if the article has one
	 * @param country ISO code of the country the article is set in, if it can be told
	 */
	public record Extraction(List<Entity> entities, Optional<Dateline> dateline, String country) {
	}

	public Extraction extract(Document document, LocalDate articleDate) {
		String text = document.text();
		Optional<Dateline> dateline = Dateline.read(text, document.article().bodyOffset());
		Set<String> context = new LinkedHashSet<>();
		dateline.ifPresent((d) -> d.places()
			.forEach((place) -> this.linker.link(EntityType.LOCATION, EntityResolver.namesOf(place.text()), Set.of())
				.map(Link::country)
				.ifPresent(context::add)));
		List<Mention> model = this.model.recognize(document);
		List<GazetteerRecognizer.Match> known = this.gazetteer.recognize(document);
		for (GazetteerRecognizer.Match match : known) {
			if (match.strong()) {
				this.linker.country(match.mention().text()).ifPresent((c) -> context.add(c.iso2()));
			}
		}
		String country = context.isEmpty() ? null : context.iterator().next();
		List<Mention> rules = new ArrayList<>();
		dateline.ifPresent((d) -> rules.addAll(d.places()));
		rules.addAll(this.names.recognize(text));
		rules.addAll(this.money.recognize(text, country));
		rules.addAll(this.dates.recognize(text, sentenceBounds(document), articleDate));
		List<Mention> mentions = this.merger.resolveInContext(text, this.merger.merge(model, known, rules));
		return new Extraction(this.resolver.resolve(document, mentions, context), dateline, country);
	}

	private static List<int[]> sentenceBounds(Document document) {
		List<int[]> bounds = new ArrayList<>();
		for (List<Sentence> part : List.of(document.headline(), document.body())) {
			for (Sentence sentence : part) {
				bounds.add(new int[] { sentence.start(), sentence.end() });
			}
		}
		return bounds;
	}

}
