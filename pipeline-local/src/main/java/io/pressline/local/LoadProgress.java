package io.pressline.local;

import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** A progress bar on one terminal line: how many are done of how many, and how fast. */
final class LoadProgress implements AutoCloseable {

	private static final int WIDTH = 30;

	private final PrintStream out;

	private final String label;

	private final long total;

	private final LongSupplier sent;

	private final LongSupplier done;

	private final long started = System.nanoTime();

	private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "load-progress");
		thread.setDaemon(true);
		return thread;
	});

	LoadProgress(PrintStream out, String label, long total, LongSupplier sent, LongSupplier done) {
		this.out = out;
		this.label = label;
		this.total = total;
		this.sent = sent;
		this.done = done;
		this.ticker.scheduleAtFixedRate(this::draw, 0, 500, TimeUnit.MILLISECONDS);
	}

	private void draw() {
		long finished = this.done.getAsLong();
		double seconds = (System.nanoTime() - this.started) / 1e9;
		int filled = (int) (WIDTH * Math.min(1.0, finished / (double) this.total));
		this.out.printf("\r  %-22s [%s%s] %d/%d published, %d sent, %.0f/s, %.0f s   ", this.label, "#".repeat(filled),
				".".repeat(WIDTH - filled), finished, this.total, this.sent.getAsLong(),
				(seconds > 0) ? finished / seconds : 0.0, seconds);
		this.out.flush();
	}

	@Override
	public void close() {
		this.ticker.shutdownNow();
		draw();
		this.out.println();
	}

}
