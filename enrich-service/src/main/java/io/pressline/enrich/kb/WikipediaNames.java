package io.pressline.enrich.kb;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Well-known names and the English Wikipedia article each most often links to, from the
 * anchor texts of Wikipedia's links (CoreNLP's KBP {@code wikidict}, made compact by
 * {@code io.pressline.benchmarks.WikipediaNamesBuilder} into
 * {@code kb/wikipedia-names.tsv.gz}). Only names whose links go to one article in most
 * cases, and only articles that many different names link to, are in it. Immutable and
 * thread-safe after loading.
 */
public final class WikipediaNames {

	static final String RESOURCE = "/kb/wikipedia-names.tsv.gz";

	private final Map<String, Name> bySurface;

	/**
	 * A surface and its article.
	 *
	 * @param title the English Wikipedia article's title, with spaces
	 * @param share the share of the surface's links that go to that article
	 * @param anchors how many different name-like surfaces link to the article (how well
	 * known it is)
	 */
	public record Name(String title, float share, int anchors) {

		/** The stable id: {@code wikipedia:World_Health_Organization}. */
		public String id() {
			return "wikipedia:" + this.title.replace(' ', '_');
		}

		public String uri() {
			return "https://en.wikipedia.org/wiki/"
					+ java.net.URLEncoder.encode(this.title.replace(' ', '_'), StandardCharsets.UTF_8)
						.replace("%2C", ",")
						.replace("%28", "(")
						.replace("%29", ")");
		}

	}

	private WikipediaNames(Map<String, Name> bySurface) {
		this.bySurface = bySurface;
	}

	/** No names at all. */
	public static WikipediaNames none() {
		return new WikipediaNames(Map.of());
	}

	/** The dictionary shipped on the classpath. */
	public static WikipediaNames standard() {
		try (InputStream in = WikipediaNames.class.getResourceAsStream(RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException(RESOURCE + " is not on the classpath");
			}
			BufferedReader reader = new BufferedReader(
					new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
			Map<String, Name> names = new HashMap<>(1 << 19);
			Map<String, Name> articles = new HashMap<>(1 << 17);
			boolean header = true;
			String line;
			while ((line = reader.readLine()) != null) {
				if (line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String[] c = line.split("\t", -1);
				if (c.length != 4) {
					throw new IllegalStateException(RESOURCE + ": bad row " + line);
				}
				float share = Float.parseFloat(c[2]);
				// One title string for all the surfaces of an article.
				Name article = articles.computeIfAbsent(c[1],
						(t) -> new Name(t.replace('_', ' '), 1, Integer.parseInt(c[3])));
				names.put(c[0], new Name(article.title(), share, article.anchors()));
			}
			return new WikipediaNames(names);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
	}

	/** The article a name most often links to, if it is a well-known name. */
	public Optional<Name> named(String surface) {
		return Optional.ofNullable(this.bySurface.get(surface));
	}

	public int size() {
		return this.bySurface.size();
	}

}
