package io.pressline.ingest.submission;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.pressline.ingest.HttpSlice;
import io.pressline.ingest.version.PipelineUnavailableException;
import io.pressline.testing.TestApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bulk submission as HTTP alone: each bad draft of a batch is its own problem document
 * and never reaches the submissions, a batch over its limits is refused whole.
 */
@WebMvcTest(controllers = BatchController.class,
		properties = { "pressline.drafts.max-body-size=4KB", "pressline.ingest.batch.max-items=5",
				"pressline.ingest.batch.max-size=8KB" })
@HttpSlice
class BatchControllerTests {

	private static final String BATCH = "/api/v1/articles:batch";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private Submissions submissions;

	@Test
	void eachDraftOfAnNdjsonBatchIsAnsweredInOrderAndOnlyTheGoodOnesAreSubmitted() throws Exception {
		acceptEverything();
		String batch = """
				{"headline": "Tram line reopens", "body": "Services resume.", "idempotencyKey": "wire-1"}
				{"body": "No headline."}

				{"headline": "H", "body": "B.", "idempotencyKey": "has spaces"}
				not json at all
				{"headline": "Ferry fares rise", "body": "By 4%.", "section": "local"}
				""";

		this.mvc.perform(editor(post(BATCH)).contentType("application/x-ndjson").content(batch))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.drafts").value(5))
			.andExpect(jsonPath("$.submitted").value(2))
			.andExpect(jsonPath("$.refused").value(3))
			.andExpect(jsonPath("$.items[0].status").value(202))
			.andExpect(jsonPath("$.items[0].id").value("article-0"))
			.andExpect(jsonPath("$.items[0].idempotencyKey").value("wire-1"))
			.andExpect(jsonPath("$.items[0].statusUrl").value("http://localhost/api/v1/articles/article-0"))
			.andExpect(jsonPath("$.items[1].status").value(422))
			.andExpect(jsonPath("$.items[1].problem.type").value("urn:pressline:problem:invalid-draft"))
			.andExpect(jsonPath("$.items[1].problem.field").value("headline"))
			.andExpect(jsonPath("$.items[1].id").doesNotExist())
			.andExpect(jsonPath("$.items[2].status").value(400))
			.andExpect(jsonPath("$.items[2].problem.field").value("idempotencyKey"))
			.andExpect(jsonPath("$.items[3].status").value(400))
			.andExpect(jsonPath("$.items[3].problem.detail").value(org.hamcrest.Matchers.containsString("Line 5")))
			.andExpect(jsonPath("$.items[4].status").value(202))
			.andExpect(jsonPath("$.items[4].id").value("article-1"));
		ArgumentCaptor<List<Submissions.BatchEntry>> entries = entriesCaptor();
		verify(this.submissions).submitBatch(entries.capture(), any());
		assertThat(entries.getValue()).extracting((entry) -> entry.draft().headline())
			.containsExactly("Tram line reopens", "Ferry fares rise");
		assertThat(entries.getValue()).extracting(Submissions.BatchEntry::idempotencyKey)
			.containsExactly("wire-1", null);
	}

	@Test
	void aJsonArrayIsABatchToo() throws Exception {
		acceptEverything();

		this.mvc
			.perform(editor(post(BATCH)).contentType(MediaType.APPLICATION_JSON)
				.content("[{\"headline\": \"One\", \"body\": \"B.\"}, {\"headline\": \"Two\", \"body\": \"B.\", "
						+ "\"embargoUntil\": \"soon\"}, 42]"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value(202))
			.andExpect(jsonPath("$.items[1].problem.field").value("embargoUntil"))
			.andExpect(jsonPath("$.items[2].status").value(400));
	}

	@Test
	void aDraftWhoseBodyIsOverTheLimitIsTooLargeAlone() throws Exception {
		acceptEverything();

		this.mvc
			.perform(editor(post(BATCH)).contentType("application/x-ndjson")
				.content("{\"headline\": \"Long\", \"body\": \"" + "x".repeat(5 * 1024) + "\"}\n"
						+ "{\"headline\": \"Short\", \"body\": \"B.\"}\n"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].status").value(413))
			.andExpect(jsonPath("$.items[0].problem.limitBytes").value(4096))
			.andExpect(jsonPath("$.items[1].status").value(202));
	}

	@Test
	void moreDraftsThanABatchMayHoldAreRefusedWholeWith413() throws Exception {
		String batch = "{\"headline\": \"H\", \"body\": \"B.\"}\n".repeat(6);

		this.mvc.perform(editor(post(BATCH)).contentType("application/x-ndjson").content(batch))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:batch-too-large"))
			.andExpect(jsonPath("$.limitItems").value(5))
			.andExpect(jsonPath("$.limitBytes").value(8192));
		verifyNoInteractions(this.submissions);
	}

	@Test
	void moreBytesThanABatchMayHaveAreRefusedWholeWith413() throws Exception {
		String batch = "{\"headline\": \"H\", \"body\": \"" + "x".repeat(3000) + "\"}\n";

		this.mvc.perform(editor(post(BATCH)).contentType("application/x-ndjson").content(batch.repeat(3)))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.type").value("urn:pressline:problem:batch-too-large"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("8192")));
		verifyNoInteractions(this.submissions);
	}

	@Test
	void aBatchThatCannotBeSplitIntoDraftsIsABadRequest() throws Exception {
		for (String body : new String[] { "{\"headline\": \"H\", \"body\": \"B.\"}", "[{\"headline\": ", "[]" }) {
			this.mvc.perform(editor(post(BATCH)).contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.detail").isNotEmpty());
		}
		this.mvc.perform(editor(post(BATCH)).contentType("application/x-ndjson").content("\n\n"))
			.andExpect(status().isBadRequest());
		this.mvc.perform(editor(post(BATCH)).contentType(MediaType.TEXT_PLAIN).content("Headline\n\nBody"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(jsonPath("$.supported[0]").value("application/x-ndjson"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("application/x-ndjson")));
		verifyNoInteractions(this.submissions);
	}

	@Test
	void aKeyInUseAndAPartitionKafkaDidNotTakeAreProblemsOfTheirDraftsAlone() throws Exception {
		given(this.submissions.submitBatch(any(), any())).willReturn(List.of(
				new Submissions.BatchOutcome(null, new IdempotencyKeys.KeyReuseException("k1", false)),
				new Submissions.BatchOutcome(null, new PipelineUnavailableException("down", null)),
				new Submissions.BatchOutcome(new IdempotencyKeys.Outcome(new SubmittedVersion("a3", 1), true), null)));

		this.mvc.perform(editor(post(BATCH)).contentType("application/x-ndjson").content("""
				{"headline": "One", "body": "B.", "idempotencyKey": "k1"}
				{"headline": "Two", "body": "B.", "idempotencyKey": "k2"}
				{"headline": "Three", "body": "B.", "idempotencyKey": "k3"}
				"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.submitted").value(0))
			.andExpect(jsonPath("$.replayed").value(1))
			.andExpect(jsonPath("$.refused").value(2))
			.andExpect(jsonPath("$.items[0].status").value(422))
			.andExpect(jsonPath("$.items[0].problem.type").value("urn:pressline:problem:idempotency-key-reused"))
			.andExpect(jsonPath("$.items[0].problem.field").value("idempotencyKey"))
			.andExpect(jsonPath("$.items[1].status").value(503))
			.andExpect(jsonPath("$.items[1].problem.type").value("urn:pressline:problem:pipeline-unavailable"))
			.andExpect(jsonPath("$.items[2].status").value(202))
			.andExpect(jsonPath("$.items[2].replayed").value(true));
	}

	@Test
	void withoutAKeyNothingIsSubmitted() throws Exception {
		this.mvc
			.perform(post(BATCH).contentType("application/x-ndjson").content("{\"headline\": \"H\", \"body\": \"B.\"}"))
			.andExpect(status().isUnauthorized());
		verifyNoInteractions(this.submissions);
	}

	private void acceptEverything() {
		given(this.submissions.submitBatch(any(), any())).willAnswer((invocation) -> {
			List<Submissions.BatchEntry> entries = invocation.getArgument(0);
			return java.util.stream.IntStream.range(0, entries.size())
				.mapToObj((i) -> new Submissions.BatchOutcome(
						new IdempotencyKeys.Outcome(new SubmittedVersion("article-" + i, 1), false), null))
				.toList();
		});
	}

	@SuppressWarnings("unchecked")
	private static ArgumentCaptor<List<Submissions.BatchEntry>> entriesCaptor() {
		return ArgumentCaptor.forClass(List.class);
	}

	private static MockHttpServletRequestBuilder editor(MockHttpServletRequestBuilder request) {
		return request.header("Authorization", "Bearer " + TestApiKeys.EDITOR);
	}

}
