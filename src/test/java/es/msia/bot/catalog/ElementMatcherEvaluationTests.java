package es.msia.bot.catalog;


import java.io.IOException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micro precision and recall of the matcher over (sentence, code) pairs of the labelled set, where a
 * code is a matched item or an umbrella needing its question, overall and per category. Writes
 * target/matching-report.txt.
 * <p>
 * How the set ({@code matching/labelled-sentences.jsonl}, one JSON object a line, no comments) was
 * written: the first 109 lines are the original set; the rest were written by hand as customers
 * write on WhatsApp, for both categories ({@code motos-part} and {@code aseicars-prof}), reading each
 * element's keywords and variants in the catalogue but paraphrasing rather than copying them. They
 * mix voices (a private rider, a workshop writing "le hemos montado al cliente..."), typos and
 * missing accents, colloquial and regional words (tubo, retros, intermis, gomas, neumas, pata de
 * cabra, colín), brands (Akrapovic, Öhlins, Brembo, Fiamma, Thule, Truma...), several elements in one
 * sentence, quantities, verb forms of noun keywords ("he cambiado el motor"), parts said to be stock
 * ("el escape es de serie, solo cambié..."), parts named through another one ("mandos del manillar")
 * and tyres named as wheels ("ruedas Pirelli"). Each line is labelled with what an expert would
 * price: {@code items} holds plain elements and variants the sentence makes clear, {@code umbrellas}
 * an element with variants when the sentence does not say which, {@code unknown} the modifications
 * the catalogue does not have. Labels were never changed to suit the matcher.
 * <p>
 * Lines 110-387 were written together with the matcher changes they drove, so they measure little
 * beyond regressions. The last 92 lines (two batches of 52 and 40) were written and labelled before
 * the matcher was run on them; their first-run scores (precision 61/68 and 49/53, recall 61/66 and
 * 49/52) are the better estimate of how the matcher does on new text.
 */
class ElementMatcherEvaluationTests {

	private static final double REQUIRED = 0.97;

	@Test
	void reachesNinetySevenPercentPrecisionAndRecallInEveryCategory() throws IOException {
		MatcherEvaluation evaluation = MatcherEvaluation.of("/matching/labelled-sentences.jsonl", "Labelled set",
				"matching-report.txt");

		assertThat(evaluation.byCategory).containsOnlyKeys("motos-part", "aseicars-prof");
		assertThat(evaluation.sentences).hasSizeGreaterThanOrEqualTo(300);
		assertThat(evaluation.total.precision()).as("overall precision").isGreaterThanOrEqualTo(REQUIRED);
		assertThat(evaluation.total.recall()).as("overall recall").isGreaterThanOrEqualTo(REQUIRED);
		evaluation.byCategory.forEach((category, score) -> {
			assertThat(score.precision()).as(category + " precision").isGreaterThanOrEqualTo(REQUIRED);
			assertThat(score.recall()).as(category + " recall").isGreaterThanOrEqualTo(REQUIRED);
		});
	}

}
