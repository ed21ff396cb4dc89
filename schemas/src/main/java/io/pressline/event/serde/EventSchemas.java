package io.pressline.event.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

import io.pressline.event.ArticleEnriched;
import io.pressline.event.ArticlePublished;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleSubmitted;
import io.pressline.event.ArticleVersion;
import io.pressline.event.PublicationState;

/**
 * The catalogue of Pressline event schemas: the current one of each event type and every
 * released version kept in the jar, so that records written by an older (or newer, once
 * released) producer can still be read.
 */
public final class EventSchemas {

	/** The event types that travel as the value of a Pressline topic. */
	public static final List<Class<? extends SpecificRecord>> EVENT_TYPES = List.of(ArticleSubmitted.class,
			ArticleEnriched.class, ArticlePublished.class, ArticleStatus.class, ArticleVersion.class,
			PublicationState.class);

	private static final String EVENT_PACKAGE = "io.pressline.event";

	private static final String RELEASED = "/io/pressline/event/schemas/released/";

	private static volatile boolean trusted;

	static {
		trust();
	}

	private EventSchemas() {
	}

	/**
	 * Lets Avro instantiate Pressline's generated classes by name. Avro 1.12 refuses
	 * classes it has not been told to trust, which happens whenever it builds a record
	 * from a schema: decoding, resolving an older schema, or filling a builder's default
	 * value. Idempotent; the serde, {@code EventJson} and every Pressline service call it
	 * before using events.
	 */
	public static synchronized void trust() {
		if (!trusted) {
			ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(ClassSecurityValidator.getGlobal(),
					(type) -> EVENT_PACKAGE.equals(type.getPackageName())));
			trusted = true;
		}
	}

	/** The current schema of an event type, as compiled into its generated class. */
	public static Schema current(Class<? extends SpecificRecord> type) {
		return org.apache.avro.specific.SpecificData.get().getSchema(type);
	}

	/** Released version names, oldest first (for example {@code v1}). */
	public static List<String> releasedVersions() {
		List<String> versions = new ArrayList<>();
		for (String line : read(RELEASED + "versions.txt").split("\n")) {
			String version = line.strip();
			if (!version.isEmpty() && !version.startsWith("#")) {
				versions.add(version);
			}
		}
		return versions;
	}

	/**
	 * The schemas of one released version, by event full name. An event type added after
	 * that release is simply absent.
	 */
	public static Map<String, Schema> released(String version) {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		for (Class<? extends SpecificRecord> type : EVENT_TYPES) {
			String path = RELEASED + version + "/" + type.getSimpleName() + ".avsc";
			if (EventSchemas.class.getResource(path) != null) {
				Schema schema = new Schema.Parser().parse(read(path));
				schemas.put(schema.getFullName(), schema);
			}
		}
		return schemas;
	}

	private static String read(String path) {
		try (InputStream in = EventSchemas.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalStateException("Missing schema resource " + path + " in pressline-schemas");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
