package io.pressline.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call a service ({@code pressline.security.*}).
 *
 * @param enabled whether access is checked at all; switch it off only on a machine no one
 * else reaches
 * @param apiKeys the keys accepted, each with its roles
 * @param publicPaths paths anyone may read, such as the published articles a site shows
 * @param adminPaths paths for operators only, beyond the actuator and the dead letters
 */
@ConfigurationProperties("pressline.security")
public record SecurityProperties(@DefaultValue("true") boolean enabled, @DefaultValue List<ApiKeys.ApiKey> apiKeys,
		@DefaultValue List<String> publicPaths, @DefaultValue List<String> adminPaths) {
}
