package io.pressline.ingest.submission;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.ingest.HttpSlice;
import io.pressline.ingest.status.ArticleStatuses;
import io.pressline.ingest.version.ArticleNotFoundException;
import io.pressline.ingest.version.VersionConflictException;
import io.pressline.testing.TestApiKeys;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The editors' API as HTTP alone, without a broker: what is refused is answered with a
 * problem document naming the field, before anything is submitted.
 */
@WebMvcTest(controllers = ArticleController.class, properties = "pressline.drafts.max-body-size=4KB")
@HttpSlice
class ArticleControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Submissions submissions;

	@MockitoBean
	private ArticleStatuses statuses;

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			textBlock = """
					missing headline | application/json | {"body": "Text."}                     | 422 | headline
					missing body     | application/json | {"headline": "Title"}                 | 422 | body
					unknown field    | application/json | {"title": "x", "body": "y"}           | 400 | title
					bad embargo      | application/json | {"headline": "x", "body": "y", "embargoUntil": "soon"} | 422 | embargoUntil
					bad legal hold   | application/json | {"headline": "x", "body": "y", "legalHold": "maybe"}   | 400 | legalHold
					headline only    | text/plain       | Only a headline                       | 422 | body
					not a draft      | application/xml  | <draft/>                              | 415 | Content-Type
					""")
	void aBadDraftIsAProblemNamingTheFieldAndNothingIsSubmitted(String name, String type, String body, int status,
			String field) throws Exception {
		for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] { post("/api/v1/articles"),
				put("/api/v1/articles/some-id") }) {
			this.mvc.perform(editor(request).contentType(type).content(body))
				.andExpect(status().is(status))
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.status").value(status))
				.andExpect(jsonPath("$.title").isNotEmpty())
				.andExpect(jsonPath("$.field").value(field));
		}
		verifyNoInteractions(this.submissions);
	}

	@Test
	void aBodyOverTheLimitIsTooLarge() throws Exception {
		String body = "{\"headline\": \"Long\", \"body\": \"" + "x".repeat(5 * 1024) + "\"}";

		this.mvc.perform(editor(post("/api/v1/articles")).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:draft-too-large"))
			.andExpect(jsonPath("$.limitBytes").value(4096));
		verifyNoInteractions(this.submissions);
	}

	@Test
	void aBadIdempotencyKeyOrRetractionReasonIsRefused() throws Exception {
		this.mvc
			.perform(editor(post("/api/v1/articles")).header("Idempotency-Key", "has spaces")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \"H\", \"body\": \"B.\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("Idempotency-Key"));
		this.mvc.perform(editor(delete("/api/v1/articles/some-id")).param("reason", "x".repeat(2001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("reason"));
		verifyNoInteractions(this.submissions);
	}

	@Test
	void aVersionConflictIsA409ProblemToRetry() throws Exception {
		given(this.submissions.submitVersion(eq("busy"), any(), any(), any()))
			.willThrow(new VersionConflictException("busy", 3));

		this.mvc
			.perform(editor(put("/api/v1/articles/busy")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \"H\", \"body\": \"B.\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:version-conflict"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("retry")));
	}

	@Test
	void anUnknownArticleIsNotFound() throws Exception {
		given(this.statuses.find("nope")).willReturn(Optional.empty());
		given(this.submissions.retract(eq("nope"), any(), any(), any()))
			.willThrow(new ArticleNotFoundException("nope"));

		this.mvc.perform(editor(get("/api/v1/articles/nope")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:article-not-found"));
		this.mvc.perform(editor(delete("/api/v1/articles/nope")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void theStatusOfAKnownArticleIsItsLatestStage() throws Exception {
		given(this.statuses.find("a1")).willReturn(Optional.of(ArticleStatus.newBuilder()
			.setArticleId("a1")
			.setVersion(2)
			.setStage(ArticleStage.PUBLISHED)
			.setService("publish")
			.setSubmittedAt(Instant.parse("2026-11-25T09:00:00Z"))
			.setOccurredAt(Instant.parse("2026-11-25T09:00:01Z"))
			.build()));

		this.mvc.perform(editor(get("/api/v1/articles/a1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.stage").value("PUBLISHED"));
	}

	@Test
	void withoutAKeyNothingIsSubmitted() throws Exception {
		this.mvc
			.perform(post("/api/v1/articles").contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \"H\", \"body\": \"B.\"}"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:unauthenticated"));
		verifyNoInteractions(this.submissions);
	}

	private static MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestApiKeys.EDITOR);
	}

}
