package io.pressline.local;

/** The Pressline services the local pipeline runs, each in its own JVM. */
public enum Service {

	INGEST("ingest-service", 8081, "-Xmx256m",
			"editors' desk: /desk/; API: POST /api/v1/articles, GET|PUT|DELETE /api/v1/articles/{id}"),

	ENRICH("enrich-service", 8082, "-Xmx1g",
			"enrichment of articles.submitted into articles.enriched; preview: POST /api/v1/enrichments"),

	PUBLISH("publish-service", 8083, "-Xmx256m", "publication to articles.published[.<section>] and articles.latest; "
			+ "GET /api/v1/published/{id}, /feeds/{section}.atom|.json, /api/v1/published/events");

	private final String artifact;

	private final int defaultPort;

	private final String heap;

	private final String role;

	Service(String artifact, int defaultPort, String heap, String role) {
		this.artifact = artifact;
		this.defaultPort = defaultPort;
		this.heap = heap;
		this.role = role;
	}

	String artifact() {
		return this.artifact;
	}

	/**
	 * The service's short name, as in the launcher's flags: {@code --enrich-port},
	 * {@code --instances=enrich=2}.
	 */
	String flag() {
		return this.artifact.replace("-service", "");
	}

	int defaultPort() {
		return this.defaultPort;
	}

	String heap() {
		return this.heap;
	}

	String role() {
		return this.role;
	}

}
