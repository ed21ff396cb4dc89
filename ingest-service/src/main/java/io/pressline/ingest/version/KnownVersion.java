package io.pressline.ingest.version;

import io.pressline.event.ArticleStage;
import io.pressline.event.ArticleStatus;
import io.pressline.event.ArticleVersion;

/**
 * The latest version an article was given, and whether it retracts the article.
 *
 * @param version the version number
 * @param retracted whether that version is a retraction
 */
record KnownVersion(int version, boolean retracted) {

	static KnownVersion of(ArticleVersion record) {
		return new KnownVersion(record.getVersion(), record.getRetracted());
	}

	/**
	 * What the status view says, for an article submitted before the version topic
	 * existed.
	 */
	static KnownVersion of(ArticleStatus status) {
		return new KnownVersion(status.getVersion(), status.getStage() == ArticleStage.RETRACTED);
	}

	/** The later of two, this one on a tie. */
	KnownVersion orLater(KnownVersion other) {
		return (other != null && other.version > this.version) ? other : this;
	}

	/** One number for the on-disk ledger: the version, doubled, plus one if retracted. */
	long encode() {
		return ((long) this.version << 1) | (this.retracted ? 1 : 0);
	}

	static KnownVersion decode(long encoded) {
		return new KnownVersion((int) (encoded >> 1), (encoded & 1) == 1);
	}

}
