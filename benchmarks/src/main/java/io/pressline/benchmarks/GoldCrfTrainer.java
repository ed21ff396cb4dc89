package io.pressline.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import edu.stanford.nlp.ie.crf.CRFClassifier;
import edu.stanford.nlp.ling.CoreLabel;

import io.pressline.enrich.nlp.Document;
import io.pressline.enrich.nlp.Segmenter;
import io.pressline.enrich.nlp.Sentence;
import io.pressline.enrich.nlp.Token;
import io.pressline.enrich.nlp.ner.CrfRecognizer;
import io.pressline.enrich.quality.GoldArticle;

/**
 * Trains a CoreNLP CRF on the team's gold set: the articles numbered up to
 * {@code --train-through} (by default all of 01–214, the first set, the tuning half and
 * the three blind sets; {@code --train-through=110} keeps 111–174 out, as models are
 * compared, see {@link GoldSplits}). Tokens are the engine's own (OpenNLP's, in the forms
 * {@link CrfRecognizer} gives the model); labels are PERSON, ORGANIZATION, LOCATION or O.
 * The features are CoreNLP's usual NER features (words, n-grams of characters, word
 * shapes, the words around, label sequences); with {@code --gazette}, also the knowledge
 * base's place, country, person and organisation names as gazette features; with
 * {@code --features=wide}, also pairs of neighbouring words, the nearest words that are
 * not punctuation, a title word before and disjunctive word shapes around, for names the
 * training data does not hold. {@code --threads=2} computes the gradient on two threads:
 * faster, but two runs then differ in the last bits of their weights; on one thread the
 * same data and options give the same model.
 *
 * <pre>
 * java -Xmx3g -cp benchmarks/target/benchmarks.jar io.pressline.benchmarks.GoldCrfTrainer \
 *      --out=target/gold-crf.ser.gz [--train-through=174] [--features=standard|wide] [--gazette] [--threads=1]
 * </pre>
 */
public final class GoldCrfTrainer {

	private GoldCrfTrainer() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of("target/gold-crf.ser.gz");
		boolean gazette = false;
		boolean wide = false;
		int last = GoldSplits.LAST_ARTICLE;
		int threads = 1;
		for (String arg : args) {
			if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring("--out=".length()));
			}
			else if (arg.equals("--gazette")) {
				gazette = true;
			}
			else if (arg.startsWith("--train-through=")) {
				last = Integer.parseInt(arg.substring("--train-through=".length()));
			}
			else if (arg.equals("--features=wide")) {
				wide = true;
			}
			else if (arg.equals("--features=standard")) {
				wide = false;
			}
			else if (arg.startsWith("--threads=")) {
				threads = Integer.parseInt(arg.substring("--threads=".length()));
			}
			else {
				throw new IllegalArgumentException("Unknown argument " + arg
						+ "; use --out=FILE [--train-through=N] [--features=standard|wide] [--gazette] [--threads=N]");
			}
		}
		Path work = Files.createTempDirectory("gold-crf");
		Path train = work.resolve("train.tsv");
		List<GoldArticle> articles = GoldSplits.training(last);
		int tokens = writeTrainingData(articles, Segmenter.english(), train);
		System.out.printf("Training on %d articles (01-%03d, %d tokens), features %s, gazette %s%n", articles.size(),
				last, tokens, wide ? "wide" : "standard", gazette);
		Properties properties = wide ? wideFeatures() : features();
		if (threads > 1) {
			properties.setProperty("multiThreadGrad", Integer.toString(threads));
		}
		properties.setProperty("trainFile", train.toString());
		if (gazette) {
			Path names = work.resolve("gazette.txt");
			writeGazette(names);
			properties.setProperty("useGazettes", "true");
			properties.setProperty("sloppyGazette", "true");
			properties.setProperty("gazette", names.toString());
		}
		CRFClassifier<CoreLabel> crf = new CRFClassifier<>(properties);
		long started = System.nanoTime();
		crf.train();
		if (out.getParent() != null) {
			Files.createDirectories(out.getParent());
		}
		crf.serializeClassifier(out.toString());
		System.out.printf("Trained in %.0f s; wrote %s (%d bytes)%n", (System.nanoTime() - started) / 1e9, out,
				Files.size(out));
	}

	/** CoreNLP's usual NER features, as its documentation trains a new model with. */
	static Properties features() {
		Properties p = new Properties();
		p.setProperty("map", "word=0,answer=1");
		p.setProperty("useClassFeature", "true");
		p.setProperty("useWord", "true");
		p.setProperty("useNGrams", "true");
		p.setProperty("noMidNGrams", "true");
		p.setProperty("maxNGramLeng", "6");
		p.setProperty("usePrev", "true");
		p.setProperty("useNext", "true");
		p.setProperty("useSequences", "true");
		p.setProperty("usePrevSequences", "true");
		p.setProperty("maxLeft", "1");
		p.setProperty("useTypeSeqs", "true");
		p.setProperty("useTypeSeqs2", "true");
		p.setProperty("useTypeySequences", "true");
		p.setProperty("wordShape", "chris2useLC");
		p.setProperty("useDisjunctive", "true");
		p.setProperty("serializeTo", "unused");
		return p;
	}

	/**
	 * The usual features and more of what tells a name nobody listed: neighbouring word
	 * pairs, the nearest real words across punctuation, a title before, and the shapes of
	 * the words around.
	 */
	static Properties wideFeatures() {
		Properties p = features();
		p.setProperty("useWordPairs", "true");
		p.setProperty("useLastRealWord", "true");
		p.setProperty("useNextRealWord", "true");
		p.setProperty("useTitle", "true");
		p.setProperty("useDisjShape", "true");
		return p;
	}

	static int writeTrainingData(List<GoldArticle> articles, Segmenter segmenter, Path file) throws IOException {
		int count = 0;
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			for (GoldArticle article : articles) {
				Document document = segmenter.segment(article.article());
				for (List<Sentence> part : List.of(document.headline(), document.body())) {
					for (Sentence sentence : part) {
						for (Token token : sentence.tokens()) {
							String word = CrfRecognizer.trainedForm(token.text()).replace('\t', ' ');
							out.write(word + "\t" + label(article, token) + "\n");
							count++;
						}
						out.write("\n");
					}
				}
			}
		}
		return count;
	}

	private static String label(GoldArticle article, Token token) {
		for (GoldArticle.Mention mention : article.mentions()) {
			if (token.start() >= mention.start() && token.end() <= mention.end()) {
				return switch (mention.type()) {
					case PERSON, ORGANIZATION, LOCATION -> mention.type().name();
					default -> "O";
				};
			}
		}
		return "O";
	}

	/** The knowledge base's names as CoreNLP gazette lines: {@code CLASS word word}. */
	private static void writeGazette(Path file) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			column("/kb/places.tsv", 1, "LOC", out);
			column("/kb/countries.tsv", 2, "LOC", out);
			column("/kb/regions.tsv", 1, "LOC", out);
			try (BufferedReader in = resource("/kb/people-and-organizations.tsv")) {
				String line;
				boolean header = true;
				while ((line = in.readLine()) != null) {
					if (line.isBlank() || line.startsWith("#")) {
						continue;
					}
					if (header) {
						header = false;
						continue;
					}
					String[] c = line.split("\t", -1);
					String type = c[1].equals("PERSON") ? "PER" : "ORG";
					out.write(type + " " + c[2] + "\n");
					for (String alias : c[3].split("\\|")) {
						if (!alias.isBlank()) {
							out.write(type + " " + alias.strip() + "\n");
						}
					}
				}
			}
		}
	}

	private static void column(String resource, int column, String type, Writer out) throws IOException {
		try (BufferedReader in = resource(resource)) {
			String line;
			boolean header = true;
			while ((line = in.readLine()) != null) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				if (header) {
					header = false;
					continue;
				}
				String name = line.split("\t", -1)[column];
				if (!name.isBlank()) {
					out.write(type + " " + name + "\n");
				}
			}
		}
	}

	private static BufferedReader resource(String name) {
		InputStream in = GoldCrfTrainer.class.getResourceAsStream(name);
		if (in == null) {
			throw new UncheckedIOException(new IOException(name + " is not on the classpath"));
		}
		return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
	}

}
