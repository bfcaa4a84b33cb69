package es.msia.bot.catalog;


import java.io.IOException;

import org.junit.jupiter.api.Test;

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
		MatcherEvaluation evaluation = MatcherEvaluation.of(resource, title, file);

		assertThat(evaluation.sentences).hasSize(size);
		assertThat(evaluation.total.precision()).as(title + ": precision").isGreaterThanOrEqualTo(precisionFloor);
		assertThat(evaluation.total.recall()).as(title + ": recall").isGreaterThanOrEqualTo(recallFloor);
	}

}
