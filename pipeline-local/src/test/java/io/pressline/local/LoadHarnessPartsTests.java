package io.pressline.local;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The load harness's drafts and plot, which its figures rest on. */
class LoadHarnessPartsTests {

	private final LoadArticles articles = LoadArticles.fromSamples(Path.of("../samples"));

	@Test
	void draftsAreValidJsonOfAboutTheWantedLengthAndDifferFromEachOther() {
		JsonMapper json = JsonMapper.builder().build();
		for (int words : List.of(300, 1500, 8000)) {
			JsonNode draft = json.readTree(this.articles.draft(7, words, "news"));
			int count = draft.get("body").asString().split("\\s+").length;
			assertThat(count).as("words in a %d-word draft", words).isBetween(words, words + 400);
			assertThat(draft.get("headline").asString()).isEqualTo("Load test article 7");
			assertThat(draft.get("section").asString()).isEqualTo("news");
		}
		assertThat(this.articles.draft(1, 300, "news")).isNotEqualTo(this.articles.draft(2, 300, "news"));
	}

	@Test
	void aMissingSampleFolderIsAClearError() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadArticles.fromSamples(Path.of("no-such-folder")))
			.withMessageContaining("no-such-folder");
	}

	@Test
	void thePlotIsWellFormedSvgWithALinePerPercentile() throws Exception {
		String svg = LatencyPlot.svg("Latency & rate", List.of(new LatencyPlot.Point(50, 50, 12, 30, 45),
				new LatencyPlot.Point(100, 99, 15, 60, 90), new LatencyPlot.Point(200, 140, 900, 4000, 6000)));

		Document document = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
		assertThat(document.getDocumentElement().getTagName()).isEqualTo("svg");
		assertThat(document.getElementsByTagName("polyline").getLength()).isEqualTo(3);
		assertThat(document.getElementsByTagName("circle").getLength()).isEqualTo(9);
		assertThat(svg).contains("Latency &amp; rate", ">p99<", "10000 ms");
	}

}
