package io.pressline.enrich.nlp.ner;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyRecognizerTests {

	private final MoneyRecognizer money = new MoneyRecognizer();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|',
			value = { "The terminal will cost €120 million.|€120 million|120000000 EUR",
					"Shares rose to $1.2 billion in value.|$1.2 billion|1200000000 USD",
					"A fine of £35,000 was imposed.|£35,000|35000 GBP",
					"The budget totals 1.37 trillion kroner.|1.37 trillion kroner|1370000000000 DKK",
					"It was paid 4.2 million Swiss francs.|4.2 million Swiss francs|4200000 CHF",
					"Rent is 150,000 naira a month.|150,000 naira|150000 NGN", "A ticket costs NZ$45.|NZ$45|45 NZD",
					"They raised €38 per share.|€38|38 EUR", "A 2.5bn yen deal was struck.|2.5bn yen|2500000000 JPY",
					"He lost 500 US dollars.|500 US dollars|500 USD",
					"The dam will cost ₹1,200 crore.|₹1,200 crore|12000000000 INR",
					"Each family gets ₹2.5 lakh.|₹2.5 lakh|250000 INR" })
	void findsAndNormalisesAmounts(String sentence, String surface, String value) {
		List<Mention> found = this.money.recognize(sentence, null);

		assertThat(found).singleElement().satisfies((mention) -> {
			assertThat(mention.text()).isEqualTo(surface);
			assertThat(mention.type()).isEqualTo(EntityType.MONEY);
			assertThat(mention.value()).isEqualTo(value);
		});
	}

	@Test
	void aSharedCurrencyWordIsTheArticleCountrysCurrency() {
		assertThat(this.money.recognize("The prize is 3.5 million kroner.", "NO")).extracting(Mention::value)
			.containsExactly("3500000 NOK");
		assertThat(this.money.recognize("Fares rose to 900 pesos.", "AR")).extracting(Mention::value)
			.containsExactly("900 ARS");
		assertThat(this.money.recognize("Fares rose to 900 pesos.", "KE")).extracting(Mention::value)
			.containsExactly("900 MXN");
	}

	@Test
	void ignoresNumbersWithoutACurrency() {
		assertThat(this.money.recognize("About 4,000 people and 12 million voters.", null)).isEmpty();
		assertThat(this.money.recognize("The ABC 123 line was closed.", null)).isEmpty();
	}

}
