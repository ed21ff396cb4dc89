package io.pressline.ingest.version;

/** The article was retracted; it takes no new version. */
public class ArticleRetractedException extends RuntimeException {

	public ArticleRetractedException(String id) {
		super("Article '" + id + "' was retracted; submit a new article instead");
	}

}
