package io.pressline.platform.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the API key of a request and says who presented it: {@code Authorization: Bearer
 * <key>} or {@code X-Api-Key: <key>}, as programs and the pages' own requests send it,
 * or, for reading only (GET and HEAD), the {@value #COOKIE} cookie the pages set for
 * their event streams (a browser's {@code EventSource} cannot send headers). A cookie
 * never authorises a change, so another page cannot make a browser submit or replay
 * anything. A request without a key goes on as anonymous; one whose header names a key we
 * do not know is refused here with 401, so a mistyped key never looks like missing
 * permission. An unknown cookie (a key from an earlier run) is ignored, so the pages
 * still load and ask for a new one.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	/** The cookie the pages keep the key in. */
	public static final String COOKIE = "pressline-key";

	/** The header programs may use instead of {@code Authorization}. */
	public static final String HEADER = "X-Api-Key";

	private static final Logger log = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final ApiKeys keys;

	private final SecurityProblems problems;

	ApiKeyFilter(ApiKeys keys, SecurityProblems problems) {
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> presented = header(request);
		boolean fromCookie = presented.isEmpty();
		if (fromCookie && isRead(request)) {
			presented = cookie(request);
		}
		if (presented.isPresent()) {
			Optional<ApiKeys.Caller> caller = this.keys.find(presented.get());
			if (caller.isEmpty() && fromCookie) {
				chain.doFilter(request, response);
				return;
			}
			if (caller.isEmpty()) {
				log.warn("Refused {} {} from {}: unknown API key", request.getMethod(), request.getRequestURI(),
						request.getRemoteAddr());
				this.problems.write(response, 401, "unknown-api-key", "Unknown API key",
						"The API key given is not one this service accepts.");
				return;
			}
			SecurityContextHolder.getContext().setAuthentication(new KeyAuthentication(caller.get(), presented.get()));
		}
		chain.doFilter(request, response);
	}

	private static Optional<String> header(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(authorization.substring(7).strip());
		}
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return Optional.of(header.strip());
		}
		return Optional.empty();
	}

	/** The key in the pages' cookie, which they write URL-encoded. */
	private static Optional<String> cookie(HttpServletRequest request) {
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
					try {
						return Optional.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
					}
					catch (IllegalArgumentException ex) {
						return Optional.empty();
					}
				}
			}
		}
		return Optional.empty();
	}

	private static boolean isRead(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
	}

	/**
	 * A caller known by its key. The key stays available as the credentials, so a service
	 * can pass the caller's own key on to another (ingest's enrichment preview).
	 */
	public static final class KeyAuthentication extends AbstractAuthenticationToken {

		private final ApiKeys.Caller caller;

		private final String key;

		KeyAuthentication(ApiKeys.Caller caller, String key) {
			super(caller.roles().stream().map((role) -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
			this.caller = caller;
			this.key = key;
			setAuthenticated(true);
		}

		@Override
		public Object getCredentials() {
			return this.key;
		}

		@Override
		public Object getPrincipal() {
			return this.caller.name();
		}

	}

}
