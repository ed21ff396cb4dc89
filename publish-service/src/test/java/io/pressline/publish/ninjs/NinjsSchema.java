package io.pressline.publish.ninjs;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * IPTC's ninjs 3.1 JSON Schema (a test resource, as IPTC publishes it), checked by a
 * draft 2020-12 validator with format assertions on ({@code date-time}, {@code uri}), and
 * with the GeoJSON schema it refers to answered from the test resources, so nothing is
 * fetched.
 */
public final class NinjsSchema {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	private static final Schema schema = SchemaRegistry
		.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
				(registry) -> registry
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
					.schemaIdResolvers((ids) -> ids.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/")
						.mapPrefix("https://geojson.org/schema/", "classpath:ninjs/geojson/")))
		.getSchema(SchemaLocation.of(Ninjs.SCHEMA));

	private NinjsSchema() {
	}

	/** What the schema finds wrong with a document; empty when it is valid. */
	public static List<String> problems(JsonNode document) {
		return schema.validate(document).stream().map(Error::toString).toList();
	}

	/** What the schema finds wrong with a document given as text. */
	public static List<String> problems(String document) {
		return problems(mapper.readTree(document));
	}

	/** Fails the test unless the document is valid ninjs 3.1. */
	public static void assertValid(JsonNode document) {
		assertThat(problems(document)).as("ninjs 3.1 schema violations of %s", document).isEmpty();
	}

	/** Fails the test unless the document, given as text, is valid ninjs 3.1. */
	public static void assertValid(String document) {
		assertValid(mapper.readTree(document));
	}

}
