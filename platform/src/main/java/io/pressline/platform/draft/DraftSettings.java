package io.pressline.platform.draft;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What every service that reads a draft accepts, in one place ({@code pressline.drafts}
 * in {@code pressline-defaults.yml}): the submission API, the desk's check and preview,
 * and enrich-service's preview refuse the same drafts.
 *
 * @param maxBodySize largest article body accepted, in UTF-8 bytes; the records of the
 * pipeline must have room for it ({@code pressline.topics.max-message-size})
 */
@ConfigurationProperties("pressline.drafts")
public record DraftSettings(DataSize maxBodySize) {

	/** The name of the body limit's setting, for messages. */
	public static final String MAX_BODY_SIZE = "pressline.drafts.max-body-size";

}
