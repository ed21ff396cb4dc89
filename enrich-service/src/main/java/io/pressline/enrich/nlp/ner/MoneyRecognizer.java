package io.pressline.enrich.nlp.ner;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Amounts of money, normalised to a plain number and an ISO 4217 code
 * ({@code €2.4 billion} becomes {@code 2400000000 EUR}): a currency sign or code before
 * the number ({@code $}, {@code €}, {@code £}, {@code ¥}, {@code US$}, {@code NZ$},
 * {@code EUR}), or a currency word after it ({@code 35,000 pounds},
 * {@code 1.37 trillion kroner}). A word used by several countries (kroner, pesos,
 * dollars, francs, rupees, shillings) is read as the currency of the article's country
 * when that country uses it.
 */
public final class MoneyRecognizer {

	private static final Map<String, String> SIGNS = Map.ofEntries(Map.entry("€", "EUR"), Map.entry("£", "GBP"),
			Map.entry("¥", "JPY"), Map.entry("$", "USD"), Map.entry("US$", "USD"), Map.entry("NZ$", "NZD"),
			Map.entry("A$", "AUD"), Map.entry("AU$", "AUD"), Map.entry("C$", "CAD"), Map.entry("CA$", "CAD"),
			Map.entry("HK$", "HKD"), Map.entry("S$", "SGD"), Map.entry("R$", "BRL"), Map.entry("₹", "INR"),
			Map.entry("₦", "NGN"), Map.entry("₩", "KRW"), Map.entry("₴", "UAH"), Map.entry("₽", "RUB"),
			Map.entry("₺", "TRY"), Map.entry("zł", "PLN"));

	/**
	 * Currency words; a code list is the currencies of countries that use the word, the
	 * first the default.
	 */
	private static final Map<String, List<String>> WORDS = new HashMap<>();

	/** The currency each country uses, for the words several countries share. */
	private static final Map<String, String> COUNTRY_CURRENCY = Map.ofEntries(Map.entry("DK", "DKK"),
			Map.entry("NO", "NOK"), Map.entry("SE", "SEK"), Map.entry("IS", "ISK"), Map.entry("MX", "MXN"),
			Map.entry("AR", "ARS"), Map.entry("CL", "CLP"), Map.entry("CO", "COP"), Map.entry("PH", "PHP"),
			Map.entry("UY", "UYU"), Map.entry("US", "USD"), Map.entry("CA", "CAD"), Map.entry("AU", "AUD"),
			Map.entry("NZ", "NZD"), Map.entry("HK", "HKD"), Map.entry("SG", "SGD"), Map.entry("CH", "CHF"),
			Map.entry("IN", "INR"), Map.entry("PK", "PKR"), Map.entry("LK", "LKR"), Map.entry("NP", "NPR"),
			Map.entry("KE", "KES"), Map.entry("UG", "UGX"), Map.entry("TZ", "TZS"), Map.entry("GB", "GBP"),
			Map.entry("EG", "EGP"), Map.entry("TR", "TRY"), Map.entry("IT", "ITL"), Map.entry("JP", "JPY"),
			Map.entry("CN", "CNY"), Map.entry("ZA", "ZAR"), Map.entry("NG", "NGN"), Map.entry("GH", "GHS"),
			Map.entry("KR", "KRW"), Map.entry("UA", "UAH"), Map.entry("RU", "RUB"), Map.entry("PL", "PLN"),
			Map.entry("BR", "BRL"), Map.entry("ID", "IDR"), Map.entry("VN", "VND"), Map.entry("TH", "THB"),
			Map.entry("MY", "MYR"), Map.entry("CZ", "CZK"), Map.entry("HU", "HUF"), Map.entry("RO", "RON"),
			Map.entry("IL", "ILS"), Map.entry("AE", "AED"), Map.entry("SA", "SAR"), Map.entry("ET", "ETB"));

	static {
		word("USD CAD AUD NZD HKD SGD", "dollar", "dollars");
		word("EUR", "euro", "euros");
		word("GBP EGP", "pound", "pounds");
		word("GBP", "sterling", "pounds sterling");
		word("JPY", "yen");
		word("CNY", "yuan", "renminbi");
		word("INR PKR LKR NPR", "rupee", "rupees");
		word("DKK NOK", "krone", "kroner");
		word("SEK ISK", "krona", "kronor", "kronur");
		word("CHF", "franc", "francs", "Swiss francs", "Swiss franc");
		word("KES UGX TZS", "shilling", "shillings");
		word("NGN", "naira");
		word("ZAR", "rand");
		word("KRW", "won");
		word("MXN ARS CLP COP PHP UYU", "peso", "pesos");
		word("BRL", "real", "reais");
		word("TRY", "lira", "liras");
		word("ITL", "lire");
		word("PLN", "zloty", "zlotys", "złoty");
		word("UAH", "hryvnia", "hryvnias", "hryvnas");
		word("RUB", "rouble", "roubles", "ruble", "rubles");
		word("VND", "dong");
		word("IDR", "rupiah");
		word("MYR", "ringgit");
		word("THB", "baht");
		word("AED", "dirham", "dirhams");
		word("SAR", "riyal", "riyals");
		word("ILS", "shekel", "shekels");
		word("HUF", "forint", "forints");
		word("CZK", "koruna", "korunas");
		word("RON", "leu", "lei");
		word("GHS", "cedi", "cedis");
		word("ETB", "birr");
		// Adjectives that settle the shared words.
		word("USD", "US dollars", "U.S. dollars", "American dollars");
		word("CAD", "Canadian dollars");
		word("AUD", "Australian dollars");
		word("NZD", "New Zealand dollars");
		word("HKD", "Hong Kong dollars");
		word("DKK", "Danish kroner");
		word("NOK", "Norwegian kroner");
		word("SEK", "Swedish kronor");
		word("MXN", "Mexican pesos");
		word("ARS", "Argentine pesos");
		word("CLP", "Chilean pesos");
		word("COP", "Colombian pesos");
		word("PHP", "Philippine pesos");
		word("INR", "Indian rupees");
		word("PKR", "Pakistani rupees");
		word("KES", "Kenyan shillings");
		word("EGP", "Egyptian pounds");
		word("TRY", "Turkish lira");
	}

	private static final String NUMBER = "(?<number>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";

	private static final String SCALE = "(?:\\s*(?<scale>trillion|billion|million|thousand|crore|lakh|bn|tn|m|k)\\b)?";

	private static final Pattern SIGN_FIRST;

	private static final Pattern WORD_AFTER;

	static {
		String signs = SIGNS.keySet()
			.stream()
			.sorted((a, b) -> b.length() - a.length())
			.map(Pattern::quote)
			.reduce((a, b) -> a + "|" + b)
			.orElseThrow();
		SIGN_FIRST = Pattern.compile("(?<![\\w$])(?:(?<sign>" + signs + ")\\s?|(?<code>[A-Z]{3})\\s)" + NUMBER + SCALE);
		String words = WORDS.keySet()
			.stream()
			.sorted((a, b) -> b.length() - a.length())
			.map((w) -> Pattern.quote(w).replace(" ", "\\E\\s+\\Q"))
			.reduce((a, b) -> a + "|" + b)
			.orElseThrow();
		WORD_AFTER = Pattern.compile("(?<![\\w.,])" + NUMBER + SCALE + "\\s+(?<word>" + words + ")(?![\\w-])",
				Pattern.CASE_INSENSITIVE);
	}

	private static final java.util.Set<String> ISO_CODES = java.util.Currency.getAvailableCurrencies()
		.stream()
		.map(java.util.Currency::getCurrencyCode)
		.collect(java.util.stream.Collectors.toSet());

	private static void word(String codes, String... words) {
		for (String word : words) {
			WORDS.put(word.toLowerCase(Locale.ROOT), List.of(codes.split(" ")));
		}
	}

	/**
	 * Finds the amounts of money in a text.
	 * @param text the article text
	 * @param country ISO 3166-1 code of the article's country, or {@code null}
	 */
	public List<Mention> recognize(String text, String country) {
		List<Mention> mentions = new ArrayList<>();
		Matcher signFirst = SIGN_FIRST.matcher(text);
		while (signFirst.find()) {
			String code = (signFirst.group("sign") != null) ? SIGNS.get(signFirst.group("sign"))
					: signFirst.group("code");
			if (code != null && ISO_CODES.contains(code)) {
				add(mentions, text, signFirst, code);
			}
		}
		Matcher wordAfter = WORD_AFTER.matcher(text);
		while (wordAfter.find()) {
			List<String> codes = WORDS.get(wordAfter.group("word").toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
			String local = (country != null) ? COUNTRY_CURRENCY.get(country) : null;
			String code = (local != null && codes.contains(local)) ? local : codes.get(0);
			if (mentions.stream().noneMatch((m) -> m.start() < wordAfter.end() && wordAfter.start() < m.end())) {
				add(mentions, text, wordAfter, code);
			}
		}
		mentions.sort(java.util.Comparator.comparingInt(Mention::start));
		return mentions;
	}

	private static void add(List<Mention> mentions, String text, Matcher match, String code) {
		BigDecimal amount = new BigDecimal(match.group("number").replace(",", ""));
		String scale = match.group("scale");
		if (scale != null) {
			amount = amount.multiply(switch (scale.toLowerCase(Locale.ROOT)) {
				case "trillion", "tn" -> BigDecimal.TEN.pow(12);
				case "billion", "bn" -> BigDecimal.TEN.pow(9);
				case "million", "m" -> BigDecimal.TEN.pow(6);
				case "crore" -> BigDecimal.TEN.pow(7);
				case "lakh" -> BigDecimal.TEN.pow(5);
				default -> BigDecimal.TEN.pow(3);
			});
		}
		String value = amount.stripTrailingZeros().toPlainString() + " " + code;
		mentions.add(new Mention(match.start(), match.end(), text.substring(match.start(), match.end()),
				EntityType.MONEY, value));
	}

}
