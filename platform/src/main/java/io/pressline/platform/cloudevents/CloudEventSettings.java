package io.pressline.platform.cloudevents;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pipeline names itself in the CloudEvents attributes of its records
 * ({@code pressline.cloudevents}).
 *
 * @param source the {@code ce_source} of every record a service writes: a URI reference,
 * by default {@code /pressline/<spring.application.name>}
 */
@ConfigurationProperties("pressline.cloudevents")
public record CloudEventSettings(URI source) {

}
