package es.msia.bot.cases.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.cases.domain.CaseDialogue.Outcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Out-of-sample report for the case answers ({@link AnswerReader} as used by {@link CaseDialogue}) over
 * {@code cases/heldout-answers.jsonl}: 40 customer messages, each answering the fields the bot asks at
 * one point of a case (an item's fields, personal, vehicle or own-workshop data), written the way people
 * answer on WhatsApp and committed with their expected values before the reader was ever run on them.
 * <p>
 * Each line gives the category, the quoted items, the scope being asked, the values already stored in
 * that scope ({@code prefilled}, to reach a later group of fields), the message and the expected stored
 * values. Earlier scopes are filled with placeholders and every photo and document slot is marked done,
 * so that {@link CollectionPlan#next} asks the intended group. Scoring is per field: a stored value equal
 * to the expected one is correct; a value stored but different, or stored for a field not expected
 * (also in another scope), is a false positive; an expected value not stored is a false negative.
 * Prints precision and recall, overall, per category and per scope kind, and every miss; writes
 * target/heldout-answers-report.txt.
 * <p>
 * First run (the reader as of commit 8a7013b): 105 fields expected, 69 stored, 55 correct, precision
 * 0.797, recall 0.524; motos-part precision 0.870 recall 0.625; aseicars-prof precision 0.652 recall
 * 0.366. (An earlier run of this harness compared the item maps after the dialogue had written into
 * them, so it saw no item values at all; that was a bug in this test, fixed with the snapshot, not a
 * change to the reader or the data.) The floors below are those scores minus 0.10, rounded down: they
 * guard against regressions and were not tuned. Do not change the reader to suit these lines, or they stop measuring anything;
 * write a new held-out batch instead.
 * <p>
 * Second batch, {@code cases/heldout-answers-2.jsonl}: 40 new messages (20 per category; items, personal,
 * vehicle and own-workshop scopes), written and committed with their expected values (commit 97d814d) before
 * the code they measure was merged or run on them; scored and printed separately, to
 * target/heldout-answers-report-2.txt. First run (merge 64369dc, main at 9ac10c8): 96 fields expected, 63
 * stored, 57 correct, precision 0.905, recall 0.594; motos-part precision 0.967 recall 0.617; aseicars-prof
 * precision 0.848 recall 0.571; items 0.857 / 0.500, personal 1.000 / 0.857, vehicle 1.000 / 0.636, workshop
 * 0.889 / 0.727. Its floors were set only after that run, at those scores minus 0.10, rounded down (0.80 and
 * 0.49); the same rule as batch 1, not tuned. The same warning applies: do not tune the reader to these lines.
 */
class HeldOutAnswersReportTests {

	private static final double PRECISION_FLOOR = 0.69;

	private static final double RECALL_FLOOR = 0.42;

	/** Set after the second batch's first run: 0.905 minus 0.10, rounded down. */
	private static final double BATCH2_PRECISION_FLOOR = 0.80;

	/** Set after the second batch's first run: 0.594 minus 0.10, rounded down. */
	private static final double BATCH2_RECALL_FLOOR = 0.49;

	private static final String PLACEHOLDER = "x";

	private final CatalogDefinition catalog = Catalogs.current();

	@Test
	void reportsHeldOutPrecisionAndRecall() throws IOException {
		report("/cases/heldout-answers.jsonl", "Held-out answers report (batch 1)", "heldout-answers-report.txt",
				PRECISION_FLOOR, RECALL_FLOOR);
	}

	@Test
	void reportsSecondHeldOutBatchPrecisionAndRecall() throws IOException {
		report("/cases/heldout-answers-2.jsonl", "Held-out answers report (batch 2)", "heldout-answers-report-2.txt",
				BATCH2_PRECISION_FLOOR, BATCH2_RECALL_FLOOR);
	}

	private void report(String resource, String title, String file, double precisionFloor, double recallFloor)
			throws IOException {
		List<JsonNode> lines = lines(resource);
		StringBuilder report = new StringBuilder(title + "\n");
		Score total = new Score();
		Map<String, Score> byCategory = new TreeMap<>();
		Map<String, Score> byScope = new TreeMap<>();
		for (JsonNode line : lines) {
			String category = line.get("category").asString();
			String scope = line.get("scope").asString();
			CollectionPlan plan = new CollectionPlan(catalog.category(category).orElseThrow(), catalog.caseData());
			CaseData before = prepare(plan, line);
			Step step = plan.next(before);
			String asked = (step instanceof Step.Fields fields)
					? fields.scope() + " " + fields.fields().stream().map(FieldSpec::key).toList() : step.toString();
			// The dialogue writes into the maps of the case it is given (items share them), so compare
			// against a copy taken beforehand.
			Map<String, Map<String, String>> snapshot = snapshot(before);
			Outcome outcome = new CaseDialogue(plan).apply(before, line.get("text").asString(), 0, 0);
			Map<String, String> got = stored(snapshot, outcome.data(), scope);
			Map<String, String> want = new LinkedHashMap<>();
			line.get("expected").properties().forEach((e) -> want.put(e.getKey(), e.getValue().asString()));
			Score score = new Score();
			score.add(want, got);
			total.merge(score);
			byCategory.computeIfAbsent(category, (c) -> new Score()).merge(score);
			byScope.computeIfAbsent(scope.startsWith("item:") ? "item" : scope, (c) -> new Score()).merge(score);
			if (!got.equals(want)) {
				report.append(String.format("MISS [%s %s] %s%n     asked    %s%n     expected %s%n     got      %s%n     lines    %s%n",
						category, scope, line.get("text").asString().replace("\n", " / "), asked, want, got,
						outcome.lines().stream().map(Line::key).toList()));
			}
		}
		report.append(String.format("%n%-14s %s%n", "all", total.line()));
		byCategory.forEach((c, s) -> report.append(String.format("%-14s %s%n", c, s.line())));
		byScope.forEach((c, s) -> report.append(String.format("%-14s %s%n", c, s.line())));
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", file), report);

		assertThat(lines).hasSize(40);
		assertThat(total.precision()).as(title + ": precision").isGreaterThanOrEqualTo(precisionFloor);
		assertThat(total.recall()).as(title + ": recall").isGreaterThanOrEqualTo(recallFloor);
	}

	/** The case as it stands when the line's scope is asked. */
	private CaseData prepare(CollectionPlan plan, JsonNode line) {
		String scope = line.get("scope").asString();
		Map<String, String> prefilled = new LinkedHashMap<>();
		line.get("prefilled").properties().forEach((e) -> prefilled.put(e.getKey(), e.getValue().asString()));
		boolean itemScope = scope.startsWith("item:");
		List<CaseItem> items = new ArrayList<>();
		Set<String> slots = new HashSet<>();
		for (JsonNode node : line.get("items")) {
			String code = node.asString();
			ElementDefinition element = plan.element(code);
			boolean variant = !element.code().equals(code);
			String name = variant ? element.variant(code).orElseThrow().nameEs() : element.nameEs();
			String itemScopeName = "item:" + code;
			Map<String, String> fields = itemScope ? (itemScopeName.equals(scope) ? prefilled : Map.of())
					: placeholders(element.requiredFields());
			items.add(new CaseItem(code, name, element.code(), variant ? code : null, fields));
			slots.add(itemScopeName);
		}
		plan.category().baseDocuments().forEach((d) -> slots.add(CollectionPlan.documentSlot(d)));
		Map<String, String> personal = scope.equals("personal") ? prefilled
				: itemScope ? Map.of() : placeholders(plan.caseData().personal());
		Map<String, String> vehicle = scope.equals("vehicle") ? prefilled
				: scope.equals("workshop") ? placeholders(plan.caseData().vehicle()) : Map.of();
		Map<String, String> workshop = scope.equals("workshop") ? prefilled : Map.of();
		return new CaseData(items, personal, vehicle, scope.equals("workshop") ? "own" : null, workshop, slots, false);
	}

	private static Map<String, String> placeholders(List<FieldSpec> specs) {
		return specs.stream().collect(Collectors.toMap(FieldSpec::key, (s) -> PLACEHOLDER, (a, b) -> a, LinkedHashMap::new));
	}

	/**
	 * Values the message stored or changed: in the asked scope by key, in any other scope as
	 * {@code scope/key} (always a false positive).
	 */
	private static Map<String, String> stored(Map<String, Map<String, String>> before, CaseData after, String scope) {
		Map<String, String> changed = new LinkedHashMap<>();
		for (String s : scopes(after)) {
			Map<String, String> old = before.getOrDefault(s, Map.of());
			after.values(s).forEach((key, value) -> {
				if (!value.equals(old.get(key))) {
					changed.put(s.equals(scope) ? key : s + "/" + key, value);
				}
			});
		}
		return changed;
	}

	private static Map<String, Map<String, String>> snapshot(CaseData data) {
		Map<String, Map<String, String>> copy = new LinkedHashMap<>();
		scopes(data).forEach((s) -> copy.put(s, new LinkedHashMap<>(data.values(s))));
		return copy;
	}

	private static Set<String> scopes(CaseData data) {
		Set<String> scopes = new HashSet<>(List.of("personal", "vehicle", "workshop"));
		data.items().forEach((i) -> scopes.add(i.scope()));
		return scopes;
	}

	private static List<JsonNode> lines(String resource) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> lines = new ArrayList<>();
		try (InputStream in = HeldOutAnswersReportTests.class.getResourceAsStream(resource);
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			String text;
			while ((text = reader.readLine()) != null) {
				if (!text.isBlank()) {
					lines.add(mapper.readTree(text));
				}
			}
		}
		return lines;
	}

	/** Per-field counts. */
	private static final class Score {

		private int lines;

		private int expected;

		private int stored;

		private int correct;

		void add(Map<String, String> want, Map<String, String> got) {
			this.lines++;
			this.expected += want.size();
			this.stored += got.size();
			this.correct += (int) got.entrySet().stream().filter((e) -> e.getValue().equals(want.get(e.getKey()))).count();
		}

		void merge(Score other) {
			this.lines += other.lines;
			this.expected += other.expected;
			this.stored += other.stored;
			this.correct += other.correct;
		}

		double precision() {
			return (this.stored == 0) ? 1.0 : (double) this.correct / this.stored;
		}

		double recall() {
			return (this.expected == 0) ? 1.0 : (double) this.correct / this.expected;
		}

		String line() {
			return String.format("lines %d, fields expected %d, stored %d, correct %d | precision %.3f recall %.3f",
					this.lines, this.expected, this.stored, this.correct, precision(), recall());
		}

	}

}
