package io.pressline.platform.draft;

/** A text draft declared in another encoding than UTF-8. */
public class DraftEncodingException extends RuntimeException {

	public DraftEncodingException(String charset) {
		super("Drafts must be UTF-8, not " + charset);
	}

}
