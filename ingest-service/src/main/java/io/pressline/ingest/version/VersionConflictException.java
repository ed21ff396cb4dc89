package io.pressline.ingest.version;

/**
 * Another ingest instance kept taking the article's partition of the version topic while
 * this one tried to give the article its next version; nothing was submitted.
 */
public class VersionConflictException extends RuntimeException {

	private final String articleId;

	public VersionConflictException(String articleId, int attempts) {
		super("Another request is changing article '" + articleId + "' (" + attempts
				+ " attempts); nothing was submitted, retry");
		this.articleId = articleId;
	}

	public String articleId() {
		return this.articleId;
	}

}
