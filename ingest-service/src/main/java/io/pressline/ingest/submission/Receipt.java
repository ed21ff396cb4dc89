package io.pressline.ingest.submission;

/**
 * What an editor is told when a draft is accepted.
 *
 * @param id the article's id
 * @param version the version this draft became
 * @param status the stage the version is in
 * @param statusUrl where to ask for the stage later
 */
public record Receipt(String id, int version, String status, String statusUrl) {
}
