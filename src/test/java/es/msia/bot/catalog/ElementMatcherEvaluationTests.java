package es.msia.bot.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	private static final ElementMatcher MATCHER = new ElementMatcher(Catalogs.current());

	private static final double REQUIRED = 0.97;

	@Test
	void reachesNinetySevenPercentPrecisionAndRecallInEveryCategory() throws IOException {
		List<JsonNode> sentences = labelledSentences();
		StringBuilder report = new StringBuilder();
		Score total = new Score();
		Map<String, Score> byCategory = new TreeMap<>();
		int unknownHits = 0;
		int unknownExpected = 0;
		for (JsonNode sentence : sentences) {
			String category = sentence.get("category").asString();
			MatchResult result = MATCHER.match(category, sentence.get("text").asString());
			Set<String> want = codes(sentence, "items");
			want.addAll(codes(sentence, "umbrellas"));
			Set<String> got = new HashSet<>(result.itemCodes());
			result.pendingQuestions().forEach((q) -> got.add(q.umbrellaCode()));
			total.add(want, got);
			byCategory.computeIfAbsent(category, (c) -> new Score()).add(want, got);
			Set<String> unknownWanted = codes(sentence, "unknown");
			unknownExpected += unknownWanted.size();
			unknownHits += (int) unknownWanted.stream().filter(result.unknownTerms()::contains).count();
			if (!got.equals(want) || !new HashSet<>(result.unknownTerms()).equals(unknownWanted)) {
				report.append(String.format("MISS [%s] %s%n     expected %s unknown %s%n     got      %s unknown %s%n",
						category, sentence.get("text").asString(), want, unknownWanted, got, result.unknownTerms()));
			}
		}
		report.append(String.format("%n%-14s %s%n", "all", total.line()));
		byCategory.forEach((category, score) -> report.append(String.format("%-14s %s%n", category, score.line())));
		report.append(String.format("unknown-term recall %d/%d%n", unknownHits, unknownExpected));
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "matching-report.txt"), report);

		assertThat(byCategory).containsOnlyKeys("motos-part", "aseicars-prof");
		assertThat(sentences).hasSizeGreaterThanOrEqualTo(300);
		assertThat(total.precision()).as("overall precision").isGreaterThanOrEqualTo(REQUIRED);
		assertThat(total.recall()).as("overall recall").isGreaterThanOrEqualTo(REQUIRED);
		byCategory.forEach((category, score) -> {
			assertThat(score.precision()).as(category + " precision").isGreaterThanOrEqualTo(REQUIRED);
			assertThat(score.recall()).as(category + " recall").isGreaterThanOrEqualTo(REQUIRED);
		});
	}

	private static Set<String> codes(JsonNode sentence, String field) {
		Set<String> codes = new HashSet<>();
		sentence.get(field).forEach((code) -> codes.add(code.asString()));
		return codes;
	}

	private static List<JsonNode> labelledSentences() throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> sentences = new ArrayList<>();
		try (InputStream in = ElementMatcherEvaluationTests.class.getResourceAsStream("/matching/labelled-sentences.jsonl");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				if (!line.isBlank()) {
					sentences.add(mapper.readTree(line));
				}
			}
		}
		return sentences;
	}

	/** Counts of (sentence, code) pairs for one slice of the set. */
	private static final class Score {

		private int sentences;

		private int expected;

		private int predicted;

		private int correct;

		void add(Set<String> want, Set<String> got) {
			Set<String> hits = new HashSet<>(got);
			hits.retainAll(want);
			this.sentences++;
			this.expected += want.size();
			this.predicted += got.size();
			this.correct += hits.size();
		}

		double precision() {
			return (this.predicted == 0) ? 1.0 : (double) this.correct / this.predicted;
		}

		double recall() {
			return (this.expected == 0) ? 1.0 : (double) this.correct / this.expected;
		}

		String line() {
			return String.format("sentences %d, pairs expected %d, predicted %d, correct %d | precision %.3f recall %.3f",
					this.sentences, this.expected, this.predicted, this.correct, precision(), recall());
		}

	}

}
