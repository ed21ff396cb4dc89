package io.pressline.ingest.submission;

/**
 * The article version a draft became.
 *
 * @param id the article's id
 * @param version its version number
 */
record SubmittedVersion(String id, int version) {
}
