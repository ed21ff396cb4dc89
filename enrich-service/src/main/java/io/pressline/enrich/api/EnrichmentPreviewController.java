package io.pressline.enrich.api;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import io.pressline.enrich.EnrichmentRecords;
import io.pressline.enrich.nlp.ArticleAnalysis;
import io.pressline.enrich.nlp.ArticleText;
import io.pressline.enrich.nlp.Enricher;
import io.pressline.event.json.EventJson;
import io.pressline.platform.draft.Draft;
import io.pressline.platform.draft.DraftRequests;
import io.pressline.platform.draft.MalformedDraftException;

/**
 * Shows an editor what the pipeline will find in a draft before it is submitted: the same
 * {@code Enrichment} that will travel in Avro, as plain JSON. Takes the same input as the
 * submission API: JSON with named fields, or text with the headline on the first line.
 * Relative dates are resolved against today, or against {@code ?date=2026-03-14}.
 */
@RestController
class EnrichmentPreviewController {

	private final Enricher enricher;

	private final DraftRequests drafts;

	EnrichmentPreviewController(Enricher enricher, DraftRequests drafts) {
		this.enricher = enricher;
		this.drafts = drafts;
	}

	@PostMapping(path = "/api/v1/enrichments",
			consumes = { MediaType.APPLICATION_JSON_VALUE, MediaType.TEXT_PLAIN_VALUE },
			produces = MediaType.APPLICATION_JSON_VALUE)
	JsonNode preview(@RequestParam Map<String, String> fields, HttpServletRequest request) throws IOException {
		LocalDate date = articleDate(fields.get("date"));
		Draft draft = this.drafts.read(request, fields);
		ArticleAnalysis analysis = this.enricher
			.enrich(new ArticleText(draft.headline(), draft.body(), draft.language()), date);
		return EventJson.toJson(EnrichmentRecords.toAvro(analysis, Instant.now()));
	}

	private static LocalDate articleDate(String date) {
		if (date == null) {
			return LocalDate.now(ZoneOffset.UTC);
		}
		try {
			return LocalDate.parse(date);
		}
		catch (DateTimeParseException ex) {
			throw new MalformedDraftException("date must be a day such as 2026-03-14", "date");
		}
	}

}
