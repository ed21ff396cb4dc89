package io.pressline.local;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The progress of {@code submit} on standard error: on a terminal, a bar redrawn on one
 * line with the count, the rate and the time left; otherwise (a log, a pipe) a plain line
 * at most every few seconds.
 */
final class SubmitProgress {

	private static final int WIDTH = 30;

	private static final long PLAIN_EVERY_NANOS = 5_000_000_000L;

	private final PrintStream out;

	private final boolean terminal;

	private final long total;

	private final long started = System.nanoTime();

	private long lastPlain = Long.MIN_VALUE;

	SubmitProgress(PrintStream out, boolean terminal, long total) {
		this.out = out;
		this.terminal = terminal;
		this.total = total;
	}

	/** Shows how many drafts are answered so far, and how many of them failed. */
	void update(long done, long failed) {
		long now = System.nanoTime();
		boolean finished = done >= this.total;
		if (!this.terminal && !finished && this.lastPlain != Long.MIN_VALUE
				&& now - this.lastPlain < PLAIN_EVERY_NANOS) {
			return;
		}
		this.lastPlain = now;
		String line = line(done, failed, (now - this.started) / 1e9);
		if (this.terminal) {
			int filled = (int) (WIDTH * Math.min(1.0, done / (double) Math.max(1, this.total)));
			this.out.print("\r[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + line + "   ");
			if (finished) {
				this.out.println();
			}
		}
		else {
			this.out.println(line);
		}
		this.out.flush();
	}

	/** The figures of the progress line, without the bar. */
	String line(long done, long failed, double seconds) {
		double rate = (seconds > 0) ? done / seconds : 0;
		String eta = (done >= this.total) ? "done"
				: (rate > 0) ? "ETA " + duration((this.total - done) / rate) : "ETA ?";
		return String.format(Locale.ROOT, "%d/%d drafts, %d failed, %.0f/s, %s", done, this.total, failed, rate, eta);
	}

	private static String duration(double seconds) {
		long s = Math.round(seconds);
		return (s >= 3600) ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60)
				: (s >= 60) ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + " s";
	}

}
