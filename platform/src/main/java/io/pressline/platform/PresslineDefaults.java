package io.pressline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import io.pressline.event.serde.EventSchemas;

/**
 * Adds {@code pressline-defaults.yml} to every service's environment with the lowest
 * precedence: the Kafka settings and topic names live in one place, and a service's own
 * {@code application.yml} or the deployment's environment variables still win. It also
 * lets Avro use the event classes ({@link EventSchemas#trust()}) before any code of the
 * service runs.
 */
public class PresslineDefaults implements EnvironmentPostProcessor {

	static final String RESOURCE = "pressline-defaults.yml";

	static final String MAX_MESSAGE_SIZE = "pressline.topics.max-message-size";

	static final String MAX_REQUEST_SIZE = "spring.kafka.producer.properties.max.request.size";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EventSchemas.trust();
		List<PropertySource<?>> defaults;
		try {
			defaults = new YamlPropertySourceLoader().load("pressline-defaults", new ClassPathResource(RESOURCE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		defaults.forEach(environment.getPropertySources()::addLast);
		// Producers send what the topics take. Kafka wants a number of bytes; the setting
		// may be written as 4MB. Above the defaults, below anything a deployment sets.
		DataSize size = DataSize.parse(environment.getRequiredProperty(MAX_MESSAGE_SIZE));
		environment.getPropertySources()
			.addBefore(defaults.get(0).getName(), new MapPropertySource("pressline-derived",
					Map.of(MAX_REQUEST_SIZE, Long.toString(size.toBytes()))));
	}

}
