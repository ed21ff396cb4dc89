package io.pressline.ingest.version;

/** No article with this id is known. */
public class ArticleNotFoundException extends RuntimeException {

	public ArticleNotFoundException(String id) {
		super("No article with id '" + id + "' is known");
	}

}
