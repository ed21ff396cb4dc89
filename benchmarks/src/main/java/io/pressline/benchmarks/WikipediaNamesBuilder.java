package io.pressline.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds the engine's compact dictionary of well-known names
 * ({@code enrich-service/src/main/resources/kb/wikipedia-names.tsv.gz}) from the
 * Wikipedia anchor-text dictionary that CoreNLP's KBP models ship
 * ({@code wikidict.tab.gz} in {@code stanford-corenlp:4.5.10:models-english-kbp}, 195 MB
 * compressed: every anchor text that links to an English Wikipedia article, with the
 * share of its links that go to that article).
 *
 * <p>
 * It keeps what linking people and organisations needs and fits in the service's heap: an
 * anchor that reads as a proper name (capitalised words, name particles, at most six
 * words), whose links go to one article in most cases ({@code --min-share}, 0.5 by
 * default), and whose article is well known, which the dictionary measures by how many
 * different name-like anchors link to it ({@code --min-anchors}). Each row is
 * {@code surface}, {@code title}, {@code share}, {@code anchors of the title}, sorted by
 * surface; the same input and options give the same file.
 *
 * <pre>
 * ./mvnw dependency:get -Dartifact=edu.stanford.nlp:stanford-corenlp:4.5.10:jar:models-english-kbp -Dtransitive=false
 * java -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.WikipediaNamesBuilder \
 *      --kbp=$HOME/.m2/repository/edu/stanford/nlp/stanford-corenlp/4.5.10/stanford-corenlp-4.5.10-models-english-kbp.jar \
 *      --out=enrich-service/src/main/resources/kb/wikipedia-names.tsv.gz
 * </pre>
 */
public final class WikipediaNamesBuilder {

	static final String ENTRY = "edu/stanford/nlp/models/kbp/english/wikidict.tab.gz";

	private static final String PARTICLES = "of|the|and|for|de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|al|el|bin|binti|y|e|on|in|at|&";

	private static final String WORD = "(?:\\p{Lu}[\\p{L}\\p{N}.'’\\-]*|\\p{N}[\\p{L}\\p{N}\\-]*|" + PARTICLES + ")";

	/**
	 * A proper name: capitalised words, name particles between them, one to six words.
	 */
	static final Pattern NAME = Pattern.compile("^\\p{Lu}[\\p{L}\\p{N}.'’\\-]*(?: " + WORD + "){0,5}$");

	/** Articles that are not one entity. */
	private static final Pattern NOT_AN_ENTITY = Pattern
		.compile("^(List of|Lists of|Index of|Outline of|Timeline of|History of)\\b|\\(disambiguation\\)|^\\d+$");

	private WikipediaNamesBuilder() {
	}

	public static void main(String[] args) throws IOException {
		Path kbp = null;
		Path out = Path.of("enrich-service/src/main/resources/kb/wikipedia-names.tsv.gz");
		double minShare = 0.5;
		int minAnchors = 20;
		for (String arg : args) {
			if (arg.startsWith("--kbp=")) {
				kbp = Path.of(arg.substring("--kbp=".length()));
			}
			else if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring("--out=".length()));
			}
			else if (arg.startsWith("--min-share=")) {
				minShare = Double.parseDouble(arg.substring("--min-share=".length()));
			}
			else if (arg.startsWith("--min-anchors=")) {
				minAnchors = Integer.parseInt(arg.substring("--min-anchors=".length()));
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg);
			}
		}
		if (kbp == null) {
			throw new IllegalArgumentException("--kbp=<the models-english-kbp jar> is required");
		}
		Map<String, String> rows = new TreeMap<>();
		long read = 0;
		int titles = 0;
		try (ZipFile jar = new ZipFile(kbp.toFile())) {
			ZipEntry entry = jar.getEntry(ENTRY);
			if (entry == null) {
				throw new IllegalArgumentException(kbp + " has no " + ENTRY);
			}
			try (InputStream in = new GZIPInputStream(jar.getInputStream(entry), 1 << 16);
					BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8),
							1 << 16)) {
				String title = null;
				List<String[]> anchors = new ArrayList<>();
				String line;
				while ((line = reader.readLine()) != null) {
					if (++read % 10_000_000 == 0) {
						System.out.printf("%,d rows read, %,d kept%n", read, rows.size());
					}
					String[] row = line.split("\t", -1);
					if (row.length != 3) {
						continue;
					}
					if (!row[1].equals(title)) {
						titles += keep(title, anchors, minShare, minAnchors, rows);
						title = row[1];
						anchors.clear();
					}
					String anchor = row[0].strip();
					if (anchor.length() >= 2 && anchor.length() <= 60 && NAME.matcher(anchor).matches()) {
						anchors.add(new String[] { anchor, row[2] });
					}
				}
				titles += keep(title, anchors, minShare, minAnchors, rows);
			}
		}
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		try (OutputStream file = Files.newOutputStream(out);
				Writer writer = new java.io.OutputStreamWriter(new GZIPOutputStream(file), StandardCharsets.UTF_8)) {
			writer.write("# Built by io.pressline.benchmarks.WikipediaNamesBuilder from CoreNLP's wikidict "
					+ "(models-english-kbp 4.5.10); min-share " + minShare + ", min-anchors " + minAnchors + "\n");
			writer.write("surface\ttitle\tshare\tanchors\n");
			for (Map.Entry<String, String> row : rows.entrySet()) {
				writer.write(row.getKey() + "\t" + row.getValue() + "\n");
			}
		}
		System.out.printf("%,d rows read; kept %,d surfaces of %,d articles; wrote %s (%,d bytes)%n", read, rows.size(),
				titles, out, Files.size(out));
	}

	private static int keep(String title, List<String[]> anchors, double minShare, int minAnchors,
			Map<String, String> rows) {
		if (title == null || anchors.size() < minAnchors || NOT_AN_ENTITY.matcher(title).find()) {
			return 0;
		}
		int kept = 0;
		for (String[] anchor : anchors) {
			double share;
			try {
				share = Double.parseDouble(anchor[1]);
			}
			catch (NumberFormatException ex) {
				continue;
			}
			if (share > minShare) {
				// At most one article takes more than half of an anchor's links.
				rows.put(anchor[0], title + "\t" + anchor[1] + "\t" + anchors.size());
				kept++;
			}
		}
		return (kept > 0) ? 1 : 0;
	}

}
