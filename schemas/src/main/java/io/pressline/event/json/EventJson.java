package io.pressline.event.json;

import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.avro.generic.IndexedRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.pressline.event.serde.EventSchemas;

/**
 * Renders an Avro event as plain JSON for people: unions unwrapped, enums as their
 * symbol, timestamps in ISO 8601. (Avro's own JSON encoding wraps every union value in an
 * object named after its branch, which is exact but hard to read.)
 */
public final class EventJson {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private static final JsonMapper mapper = JsonMapper.builder().build();

	static {
		EventSchemas.trust();
	}

	private EventJson() {
	}

	public static String render(IndexedRecord record, boolean pretty) {
		JsonNode tree = toJson(record);
		return pretty ? mapper.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
				: mapper.writeValueAsString(tree);
	}

	public static JsonNode toJson(Object value) {
		if (value == null) {
			return nodes.nullNode();
		}
		if (value instanceof IndexedRecord record) {
			ObjectNode object = nodes.objectNode();
			for (Schema.Field field : record.getSchema().getFields()) {
				object.set(field.name(), toJson(record.get(field.pos())));
			}
			return object;
		}
		if (value instanceof Map<?, ?> map) {
			ObjectNode object = nodes.objectNode();
			map.forEach((key, item) -> object.set(key.toString(), toJson(item)));
			return object;
		}
		if (value instanceof Collection<?> items) {
			ArrayNode array = nodes.arrayNode();
			items.forEach((item) -> array.add(toJson(item)));
			return array;
		}
		if (value instanceof Integer i) {
			return nodes.numberNode(i);
		}
		if (value instanceof Long l) {
			return nodes.numberNode(l);
		}
		if (value instanceof Double d) {
			return nodes.numberNode(d);
		}
		if (value instanceof Float f) {
			return nodes.numberNode(f);
		}
		if (value instanceof Boolean b) {
			return nodes.booleanNode(b);
		}
		if (value instanceof ByteBuffer bytes) {
			return nodes.stringNode(Base64.getEncoder().encodeToString(bytes.array()));
		}
		if (value instanceof TemporalAccessor || value instanceof CharSequence || value instanceof Enum<?>
				|| value instanceof GenericContainer) {
			return nodes.stringNode(value.toString());
		}
		return nodes.stringNode(value.toString());
	}

}
