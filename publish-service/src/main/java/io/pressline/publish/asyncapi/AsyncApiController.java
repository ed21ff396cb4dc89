package io.pressline.publish.asyncapi;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves the topics' AsyncAPI document at {@value #PATH}, to anyone (a site needs it
 * before it has a key); {@code /asyncapi.html}, a static page, shows it.
 */
@RestController
class AsyncApiController {

	static final String PATH = "/asyncapi.json";

	private final String json;

	AsyncApiController(AsyncApiDocument document) {
		this.json = document.toJson();
	}

	@GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
	String document() {
		return this.json;
	}

}
