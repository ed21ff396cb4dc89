package io.pressline.publish.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/** The latest delivery attempts, newest first, for operators and site owners. */
public class DeliveryLog {

	private final int capacity;

	private final Consumer<DeliveryAttempt> observer;

	private final Deque<DeliveryAttempt> attempts = new ArrayDeque<>();

	/**
	 * @param capacity how many attempts are kept; older ones are dropped
	 */
	public DeliveryLog(int capacity) {
		this(capacity, (attempt) -> {
		});
	}

	/**
	 * @param capacity how many attempts are kept; older ones are dropped
	 * @param observer told of every attempt as it is logged (for metrics)
	 */
	public DeliveryLog(int capacity, Consumer<DeliveryAttempt> observer) {
		this.capacity = capacity;
		this.observer = observer;
	}

	public void add(DeliveryAttempt attempt) {
		remember(attempt);
		this.observer.accept(attempt);
	}

	private synchronized void remember(DeliveryAttempt attempt) {
		this.attempts.addFirst(attempt);
		while (this.attempts.size() > this.capacity) {
			this.attempts.removeLast();
		}
	}

	/**
	 * The latest attempts, newest first.
	 * @param site only this site's, or every site's when {@code null}
	 * @param articleId only this article's, or every article's when {@code null}
	 * @param limit at most this many
	 */
	public synchronized List<DeliveryAttempt> recent(String site, String articleId, int limit) {
		List<DeliveryAttempt> found = new ArrayList<>();
		for (DeliveryAttempt attempt : this.attempts) {
			if ((site == null || site.equals(attempt.site()))
					&& (articleId == null || articleId.equals(attempt.articleId()))) {
				found.add(attempt);
				if (found.size() == limit) {
					break;
				}
			}
		}
		return found;
	}

}
