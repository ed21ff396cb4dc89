package io.pressline.publish.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The latest delivery attempts, newest first, for operators and site owners. */
public class DeliveryLog {

	private final int capacity;

	private final Deque<DeliveryAttempt> attempts = new ArrayDeque<>();

	/**
	 * @param capacity how many attempts are kept; older ones are dropped
	 */
	public DeliveryLog(int capacity) {
		this.capacity = capacity;
	}

	public synchronized void add(DeliveryAttempt attempt) {
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
