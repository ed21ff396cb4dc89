package io.pressline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the end-to-end tests do to a running pipeline from outside, as its users would:
 * editors' calls with the run's editor key, operators' with its operator key, a site's
 * with none, and published records read with nothing but the {@code .avsc} file.
 */
final class PipelineClient {

	private static final Path PUBLISHED_SCHEMA = Path.of("../schemas/src/main/avro/ArticlePublished.avsc");

	private final LocalPipeline pipeline;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	PipelineClient(LocalPipeline pipeline) {
		this.pipeline = pipeline;
	}

	/** A request to ingest-service as an editor. */
	HttpRequest.Builder editor(String path) {
		return anonymous("ingest-service", path).header("Authorization", "Bearer " + this.pipeline.editorKey());
	}

	/** A request to a service as an operator. */
	HttpRequest.Builder operator(String service, String path) {
		return anonymous(service, path).header("Authorization", "Bearer " + this.pipeline.adminKey());
	}

	/** A request to a service with no key, as a downstream site makes it. */
	HttpRequest.Builder anonymous(String service, String path) {
		return HttpRequest.newBuilder(URI.create(this.pipeline.url(service) + path));
	}

	HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An editor's call to ingest-service, with a JSON body unless it is {@code null}. */
	HttpResponse<String> asEditor(String method, String path, String json) throws IOException, InterruptedException {
		HttpRequest.Builder request = editor(path);
		if (json != null) {
			request.header("Content-Type", "application/json")
				.method(method, HttpRequest.BodyPublishers.ofString(json));
		}
		else {
			request.method(method, HttpRequest.BodyPublishers.noBody());
		}
		return send(request);
	}

	/**
	 * Submits a draft given as JSON, checks it was taken and answers the article's id.
	 */
	String submit(String draft) throws IOException, InterruptedException {
		HttpResponse<String> response = asEditor("POST", "/api/v1/articles", draft);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return read(response.body()).get("id").asString();
	}

	/** The stage ingest-service reports for an article, {@code null} if it knows none. */
	String stage(String id) throws IOException, InterruptedException {
		HttpResponse<String> status = asEditor("GET", "/api/v1/articles/" + id, null);
		return (status.statusCode() == 200) ? read(status.body()).get("stage").asString() : null;
	}

	JsonNode read(String json) {
		return this.json.readTree(json);
	}

	/**
	 * Decodes a record of a published topic as a site would: with the schema file alone.
	 */
	static GenericRecord decodePublished(byte[] value) throws IOException {
		return Decoder.PUBLISHED.decode(value);
	}

	/** The decoder, made once, from the schema file. */
	private static final class Decoder {

		static final BinaryMessageDecoder<GenericRecord> PUBLISHED;

		static {
			try {
				PUBLISHED = new BinaryMessageDecoder<>(GenericData.get(),
						new Schema.Parser().parse(PUBLISHED_SCHEMA.toFile()));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
