package io.pressline.platform.security;

import java.io.IOException;
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
 * <key>} or {@code X-Api-Key: <key>} from programs, or the {@value #COOKIE} cookie the
 * desk and status pages set (a browser's {@code EventSource} cannot send headers). A
 * request without a key goes on as anonymous; one with a key we do not know is refused
 * here with 401, so a mistyped key never looks like missing permission.
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
		Optional<String> presented = presented(request);
		if (presented.isPresent()) {
			Optional<ApiKeys.Caller> caller = this.keys.find(presented.get());
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

	static Optional<String> presented(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.of(authorization.substring(7).strip());
		}
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return Optional.of(header.strip());
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank()) {
					return Optional.of(cookie.getValue());
				}
			}
		}
		return Optional.empty();
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
