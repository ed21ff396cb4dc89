package io.pressline.ingest.desk;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import io.pressline.ingest.HttpSlice;
import io.pressline.testing.TestApiKeys;

import static org.hamcrest.Matchers.hasItems;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The desk's draft check and its refusals, as HTTP alone: a draft is read and checked
 * exactly as a submission would be, without a broker and without being submitted.
 */
@WebMvcTest(controllers = DeskController.class, properties = "pressline.drafts.max-body-size=4KB")
@HttpSlice
class DeskControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private DeskArticles articles;

	@MockitoBean
	private DeskStream stream;

	@MockitoBean
	private EnrichmentPreviews previews;

	@Test
	void aPlainTextDraftIsCheckedIntoItsFields() throws Exception {
		this.mvc
			.perform(editor(post("/api/v1/drafts/check")).contentType("text/plain; charset=utf-8")
				.param("section", "local")
				.content("Council votes on budget\n\nBy Ada Quill\n\nThe council voted on the budget on Tuesday.\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.headline").value("Council votes on budget"))
			.andExpect(jsonPath("$.byline").value("By Ada Quill"))
			.andExpect(jsonPath("$.section").value("local"))
			.andExpect(jsonPath("$.body").value("The council voted on the budget on Tuesday."));
		verifyNoInteractions(this.articles, this.previews);
	}

	@Test
	void aDraftBreakingSeveralRulesNamesEveryField() throws Exception {
		this.mvc
			.perform(editor(post("/api/v1/drafts/check")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \" \", \"body\": \"\", \"embargoUntil\": \"next week\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:invalid-draft"))
			.andExpect(jsonPath("$.errors[*].field").value(hasItems("headline", "body", "embargoUntil")));
	}

	@Test
	void malformedJsonAndAnOversizedBodyAreProblemsToo() throws Exception {
		this.mvc
			.perform(editor(post("/api/v1/drafts/check")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \"x\", "))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:malformed-draft"));
		this.mvc
			.perform(editor(post("/api/v1/drafts/check")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"headline\": \"x\", \"body\": \"" + "y".repeat(5000) + "\"}"))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.field").value("body"));
	}

	@Test
	void anOutOfRangeLimitIsRefused() throws Exception {
		this.mvc.perform(editor(get("/api/v1/articles")).param("limit", "0"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("limit"));
	}

	private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder editor(
			org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestApiKeys.EDITOR);
	}

}
