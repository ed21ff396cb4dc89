package io.pressline.ingest.submission;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.pressline.event.ArticleSubmitted;

/**
 * Tells the desk and the operators' view of every submission: those this instance makes,
 * at once, and those read back from {@code articles.submitted} (its own again included),
 * so every instance shows every editor's work.
 */
public class SubmissionFeed {

	private final List<Consumer<ArticleSubmitted>> listeners = new CopyOnWriteArrayList<>();

	/** Tells a listener of every submission from now on, on the thread that saw it. */
	public void onSubmission(Consumer<ArticleSubmitted> listener) {
		this.listeners.add(listener);
	}

	void tell(ArticleSubmitted submitted) {
		for (Consumer<ArticleSubmitted> listener : this.listeners) {
			listener.accept(submitted);
		}
	}

}
