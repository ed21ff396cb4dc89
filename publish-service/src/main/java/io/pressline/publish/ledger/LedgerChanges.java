package io.pressline.publish.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The states changed by the decisions of one Kafka transaction, seen by the decisions
 * that follow in it and applied to the {@link PublicationLedger} only once it commits; a
 * transaction that rolls back leaves the ledger as it was, so the versions read again are
 * decided again against what was really written.
 */
public final class LedgerChanges {

	private final PublicationLedger ledger;

	private final Map<Key, ArticleState> pending = new LinkedHashMap<>();

	public LedgerChanges(PublicationLedger ledger) {
		this.ledger = ledger;
	}

	/** The states of one partition's articles, with this transaction's changes. */
	public ArticleStates on(int partition) {
		return new ArticleStates() {

			@Override
			public ArticleState find(String articleId) {
				ArticleState changed = LedgerChanges.this.pending.get(new Key(partition, articleId));
				if (changed != null) {
					return changed;
				}
				return LedgerChanges.this.ledger.find(partition, articleId)
					.orElseGet(() -> ArticleState.unknown(articleId));
			}

			@Override
			public void put(ArticleState state) {
				LedgerChanges.this.pending.put(new Key(partition, state.articleId()), state);
			}

		};
	}

	/**
	 * Applies the changes to the ledger, once their transaction has committed.
	 * @param applied told of each state applied, with its partition
	 */
	public void apply(BiConsumer<Integer, ArticleState> applied) {
		this.pending.forEach((key, state) -> {
			this.ledger.put(key.partition(), state);
			applied.accept(key.partition(), state);
		});
		this.pending.clear();
	}

	private record Key(int partition, String articleId) {
	}

}
