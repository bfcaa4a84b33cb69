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
 * Out-of-sample report for the element matcher over {@code matching/heldout-sentences.jsonl}: 60 sentences
 * (30 {@code motos-part}, 30 {@code aseicars-prof}) in the same format as the labelled set, written and
 * labelled by hand (what an expert would price: {@code items}, {@code umbrellas} when the variant is not
 * said, {@code unknown} for modifications the catalogue lacks) and committed before the matcher was ever
 * run on them. They are not copies or paraphrases of the labelled set. Prints micro precision and recall
 * of (sentence, code) pairs exactly as {@link ElementMatcherEvaluationTests} computes them, overall and
 * per category, and every sentence whose codes or unknown terms differ; writes
 * target/heldout-matching-report.txt.
 * <p>
 * First run (the matcher as of commit 8a7013b): 92 pairs expected, 92 predicted, 84 correct, precision
 * and recall 0.913; motos-part 50/51 precision 0.980, 50/52 recall 0.962; aseicars-prof 34/41 precision
 * 0.829, 34/40 recall 0.850. The floors below are those scores minus 0.10, rounded down: they guard
 * against regressions and were not tuned. Do not add these sentences to the development set or change the matcher to suit
 * them, or they stop measuring anything; write a new held-out batch instead.
 * <p>
 * Second batch, {@code matching/heldout-sentences-2.jsonl}: 40 new sentences (20 per category), labelled the
 * same way and committed (commit 97d814d) before the code they measure was merged or run on them; scored and
 * printed separately, to target/heldout-matching-report-2.txt. First run (merge 64369dc, main at 9ac10c8): 53
 * pairs expected, 46 predicted, 39 correct, precision 0.848, recall 0.736; motos-part 25/27 precision 0.926,
 * 25/30 recall 0.833; aseicars-prof 14/19 precision 0.737, 14/23 recall 0.609; unknown-term recall 2/4. Its
 * floors were set only after that run, at those scores minus 0.10, rounded down (0.74 and 0.63); the same rule
 * as batch 1, not tuned. The same warning applies: do not tune the matcher to these sentences.
 */
class HeldOutMatcherReportTests {

	private static final ElementMatcher MATCHER = new ElementMatcher(Catalogs.current());

	private static final double PRECISION_FLOOR = 0.81;

	private static final double RECALL_FLOOR = 0.81;

	/** Set after the second batch's first run: 0.848 minus 0.10, rounded down. */
	private static final double BATCH2_PRECISION_FLOOR = 0.74;

	/** Set after the second batch's first run: 0.736 minus 0.10, rounded down. */
	private static final double BATCH2_RECALL_FLOOR = 0.63;

	@Test
	void reportsHeldOutPrecisionAndRecall() throws IOException {
		report("/matching/heldout-sentences.jsonl", 60, "Held-out matcher report (batch 1)",
				"heldout-matching-report.txt", PRECISION_FLOOR, RECALL_FLOOR);
	}

	@Test
	void reportsSecondHeldOutBatchPrecisionAndRecall() throws IOException {
		report("/matching/heldout-sentences-2.jsonl", 40, "Held-out matcher report (batch 2)",
				"heldout-matching-report-2.txt", BATCH2_PRECISION_FLOOR, BATCH2_RECALL_FLOOR);
	}

	private static void report(String resource, int size, String title, String file, double precisionFloor,
			double recallFloor) throws IOException {
		List<JsonNode> sentences = sentences(resource);
		StringBuilder report = new StringBuilder(title + "\n");
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
		Files.writeString(Path.of("target", file), report);

		assertThat(sentences).hasSize(size);
		assertThat(total.precision()).as(title + ": precision").isGreaterThanOrEqualTo(precisionFloor);
		assertThat(total.recall()).as(title + ": recall").isGreaterThanOrEqualTo(recallFloor);
	}

	private static Set<String> codes(JsonNode sentence, String field) {
		Set<String> codes = new HashSet<>();
		sentence.get(field).forEach((code) -> codes.add(code.asString()));
		return codes;
	}

	private static List<JsonNode> sentences(String resource) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> sentences = new ArrayList<>();
		try (InputStream in = HeldOutMatcherReportTests.class.getResourceAsStream(resource);
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
