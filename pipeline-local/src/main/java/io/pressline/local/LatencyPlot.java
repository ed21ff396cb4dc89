package io.pressline.local;

import java.util.List;
import java.util.Locale;

/**
 * An SVG chart of end-to-end latency (p50, p95, p99, on a logarithmic axis) against the
 * offered rate, from a load sweep: where the lines turn up is where the pipeline stops
 * keeping up.
 */
final class LatencyPlot {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 420;

	private static final int LEFT = 70;

	private static final int RIGHT = 30;

	private static final int TOP = 40;

	private static final int BOTTOM = 60;

	private LatencyPlot() {
	}

	/** One offered rate and what it gave. */
	record Point(double offered, double achieved, double p50, double p95, double p99) {
	}

	static String svg(String title, List<Point> points) {
		double maxRate = points.stream().mapToDouble(Point::offered).max().orElse(1) * 1.05;
		double minMs = Math.max(0.1, points.stream().mapToDouble(Point::p50).min().orElse(1));
		double maxMs = Math.max(minMs * 10, points.stream().mapToDouble(Point::p99).max().orElse(10));
		double lowDecade = Math.floor(Math.log10(minMs));
		double highDecade = Math.ceil(Math.log10(maxMs));
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" "
						+ "font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
				WIDTH, HEIGHT));
		svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"14\">%s</text>%n", LEFT,
				escape(title)));
		for (double decade = lowDecade; decade <= highDecade; decade++) {
			double y = y(Math.pow(10, decade), lowDecade, highDecade);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
							+ "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s ms</text>%n",
					LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, number(Math.pow(10, decade))));
		}
		for (int tick = 0; tick <= 5; tick++) {
			double rate = maxRate * tick / 5;
			double x = x(rate, maxRate);
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
							+ "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
					x, TOP, x, HEIGHT - BOTTOM, x, HEIGHT - BOTTOM + 16, number(rate)));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">offered rate (articles/s)</text>%n",
				(LEFT + WIDTH - RIGHT) / 2, HEIGHT - 18));
		line(svg, points, maxRate, lowDecade, highDecade, 0, "#2b6cb0", "p50");
		line(svg, points, maxRate, lowDecade, highDecade, 1, "#d69e2e", "p95");
		line(svg, points, maxRate, lowDecade, highDecade, 2, "#c53030", "p99");
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static void line(StringBuilder svg, List<Point> points, double maxRate, double low, double high, int which,
			String colour, String name) {
		StringBuilder path = new StringBuilder();
		for (Point point : points) {
			double ms = (which == 0) ? point.p50() : (which == 1) ? point.p95() : point.p99();
			double x = x(point.offered(), maxRate);
			double y = y(Math.max(ms, Math.pow(10, low)), low, high);
			path.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
			svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y,
					colour));
		}
		svg.append(
				String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
						path.toString().strip(), colour));
		int legendY = TOP + 14 + which * 16;
		svg.append(String.format(Locale.ROOT,
				"<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>"
						+ "<text x=\"%d\" y=\"%d\">%s</text>%n",
				LEFT + 10, legendY, LEFT + 30, legendY, colour, LEFT + 36, legendY + 4, name));
	}

	private static double x(double rate, double maxRate) {
		return LEFT + (WIDTH - LEFT - RIGHT) * rate / maxRate;
	}

	private static double y(double ms, double lowDecade, double highDecade) {
		double share = (Math.log10(ms) - lowDecade) / (highDecade - lowDecade);
		return HEIGHT - BOTTOM - (HEIGHT - TOP - BOTTOM) * share;
	}

	private static String number(double value) {
		return (value == Math.rint(value)) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

}
