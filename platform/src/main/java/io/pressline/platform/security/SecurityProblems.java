package io.pressline.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import io.pressline.platform.web.Problems;

/** Refusals as problem documents, like every other error of the APIs. */
class SecurityProblems {

	private final JsonMapper json = JsonMapper.builder().build();

	void write(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
		ProblemDetail problem = Problems.of(HttpStatus.valueOf(status), type, title, detail);
		if (status == 401) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"pressline\"");
		}
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(this.json.writeValueAsString(problem));
	}

}
