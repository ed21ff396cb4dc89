package io.pressline.platform.security;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Who may call what, the same in every service. Anyone: the health probes, the API
 * documentation, the pages themselves (they ask for a key before they show anything), and
 * the service's {@code public-paths}. Operators ({@code ADMIN}): the rest of the actuator
 * (metrics, health details), the dead letters and replay, and the service's
 * {@code admin-paths}. Everything else, the editors' API among it: {@code EDITOR} or
 * {@code ADMIN}. Keys come from {@code pressline.security.api-keys}; with none
 * configured, everything but the open paths is refused.
 */
@AutoConfiguration
@EnableWebSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class PresslineSecurityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(PresslineSecurityConfiguration.class);

	/** Open to anyone in every service. */
	private static final String[] OPEN = { "/actuator/health", "/actuator/health/**", "/v3/api-docs/**",
			"/swagger-ui.html", "/swagger-ui/**", "/desk/**", "/ops/**", "/pressline/**", "/", "/desk", "/ops",
			"/error", "/favicon.ico" };

	/** For operators in every service. */
	private static final String[] ADMIN = { "/actuator/**", "/api/v1/dead-letters/**", "/api/v1/dead-letters" };

	@Bean
	ApiKeys apiKeys(SecurityProperties properties) {
		ApiKeys keys = ApiKeys.of(properties.apiKeys());
		if (!properties.enabled()) {
			log.warn("Access control is off (pressline.security.enabled=false): anyone who reaches this service "
					+ "may submit, replay dead letters and read its metrics");
		}
		else if (keys.isEmpty()) {
			log.warn("No API key is configured (pressline.security.api-keys): every request but the health "
					+ "probes, the documentation and the public paths is refused");
		}
		return keys;
	}

	@Bean
	SecurityFilterChain presslineSecurity(HttpSecurity http, SecurityProperties properties, ApiKeys keys)
			throws Exception {
		SecurityProblems problems = new SecurityProblems();
		http.csrf((csrf) -> csrf.disable())
			.httpBasic((basic) -> basic.disable())
			.formLogin((form) -> form.disable())
			.logout((logout) -> logout.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling((exceptions) -> exceptions
				.authenticationEntryPoint((request, response, ex) -> problems.write(response, 401, "unauthenticated",
						"API key required", "Give an API key: Authorization: Bearer <key> or X-Api-Key: <key>."))
				.accessDeniedHandler((request, response, ex) -> problems.write(response, 403, "forbidden",
						"Not allowed", "This API key's roles do not allow " + request.getMethod() + " "
								+ request.getRequestURI() + ".")));
		if (!properties.enabled()) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}
		List<String> open = new ArrayList<>(List.of(OPEN));
		open.addAll(properties.publicPaths());
		List<String> admin = new ArrayList<>(List.of(ADMIN));
		admin.addAll(properties.adminPaths());
		http.addFilterBefore(new ApiKeyFilter(keys, problems), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> requests
				// A stream's later dispatches and error pages belong to a request that
				// was already let in.
				.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR)
				.permitAll()
				.requestMatchers(open.toArray(String[]::new))
				.permitAll()
				.requestMatchers(admin.toArray(String[]::new))
				.hasRole(ApiKeys.Role.ADMIN.name())
				.anyRequest()
				.hasAnyRole(ApiKeys.Role.EDITOR.name(), ApiKeys.Role.ADMIN.name()));
		return http.build();
	}

	/**
	 * No user names or passwords: only API keys. Declared so that Spring Boot does not
	 * make a default user with a generated password.
	 */
	@Bean
	UserDetailsService noUsers() {
		return new InMemoryUserDetailsManager();
	}

}
