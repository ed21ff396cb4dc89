package io.pressline.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

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

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		EventSchemas.trust();
		try {
			for (PropertySource<?> source : new YamlPropertySourceLoader().load("pressline-defaults",
					new ClassPathResource(RESOURCE))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

}
