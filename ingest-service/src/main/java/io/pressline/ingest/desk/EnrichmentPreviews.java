package io.pressline.ingest.desk;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.client.RestClient;

import io.pressline.platform.draft.Draft;

/**
 * Asks enrich-service what it finds in a draft, so the desk page shows the editor the
 * same enrichment the pipeline will publish. The desk page talks to ingest-service only;
 * this keeps one origin for the browser and one place for access rules.
 */
public class EnrichmentPreviews {

	private final RestClient enrich;

	public EnrichmentPreviews(RestClient enrich) {
		this.enrich = enrich;
	}

	/**
	 * The enrichment of a draft, as enrich-service's JSON.
	 * @param draft a draft that passed the submission rules
	 * @param date the day relative dates are read against, or {@code null} for today
	 * @throws PreviewUnavailableException if enrich-service cannot be reached or fails
	 */
	public Answer preview(Draft draft, String date) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("headline", draft.headline());
		request.put("body", draft.body());
		request.put("byline", draft.byline());
		request.put("section", draft.section());
		request.put("language", draft.language());
		try {
			return this.enrich.post()
				.uri((uri) -> uri.path("/api/v1/enrichments")
					.queryParamIfPresent("date", java.util.Optional.ofNullable(date))
					.build())
				.contentType(MediaType.APPLICATION_JSON)
				// The editor's own key: enrich-service checks it as ingest did.
				.headers((headers) -> callersKey().ifPresent(headers::setBearerAuth))
				.body(request)
				.exchange((req, response) -> {
					HttpStatusCode status = response.getStatusCode();
					if (status.is5xxServerError()) {
						throw new PreviewUnavailableException("enrich-service answered " + status.value(), null);
					}
					MediaType type = response.getHeaders().getContentType();
					return new Answer(status.value(), (type != null) ? type : MediaType.APPLICATION_JSON,
							response.getBody().readAllBytes());
				});
		}
		catch (ResourceAccessException ex) {
			throw new PreviewUnavailableException("enrich-service cannot be reached: " + ex.getMessage(), ex);
		}
	}

	/** The API key the editor's request carried, to present it to enrich-service too. */
	private static java.util.Optional<String> callersKey() {
		return java.util.Optional.ofNullable(SecurityContextHolder.getContext().getAuthentication())
			.map(Authentication::getCredentials)
			.filter(String.class::isInstance)
			.map(String.class::cast);
	}

	/** What enrich-service answered: the enrichment, or its refusal of the draft. */
	public record Answer(int status, MediaType contentType, byte[] body) {
	}

	/** The preview cannot be made now; the draft itself is fine and can be submitted. */
	public static class PreviewUnavailableException extends RuntimeException {

		PreviewUnavailableException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
