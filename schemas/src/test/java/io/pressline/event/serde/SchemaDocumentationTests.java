package io.pressline.event.serde;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas are the contract with every downstream team: every type and field says what
 * it is.
 */
class SchemaDocumentationTests {

	@Test
	void everyNamedTypeAndFieldHasADoc() {
		List<String> undocumented = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (Class<? extends SpecificRecord> type : EventSchemas.EVENT_TYPES) {
			collectUndocumented(EventSchemas.current(type), seen, undocumented);
		}
		assertThat(undocumented).isEmpty();
	}

	private static void collectUndocumented(Schema schema, Set<String> seen, List<String> undocumented) {
		switch (schema.getType()) {
			case UNION -> schema.getTypes().forEach((branch) -> collectUndocumented(branch, seen, undocumented));
			case ARRAY -> collectUndocumented(schema.getElementType(), seen, undocumented);
			case MAP -> collectUndocumented(schema.getValueType(), seen, undocumented);
			case RECORD, ENUM -> {
				if (!seen.add(schema.getFullName())) {
					return;
				}
				if (isBlank(schema.getDoc())) {
					undocumented.add(schema.getFullName());
				}
				if (schema.getType() == Schema.Type.RECORD) {
					for (Schema.Field field : schema.getFields()) {
						if (isBlank(field.doc())) {
							undocumented.add(schema.getFullName() + "." + field.name());
						}
						collectUndocumented(field.schema(), seen, undocumented);
					}
				}
			}
			default -> {
			}
		}
	}

	private static boolean isBlank(String doc) {
		return doc == null || doc.isBlank();
	}

}
