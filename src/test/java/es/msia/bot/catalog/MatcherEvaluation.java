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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Micro precision and recall of the element matcher over a labelled set of (sentence, codes) lines: a
 * code is a matched item or an umbrella needing its question. One evaluation for the development set and
 * the held-out batches, so they are scored the same way. Writes its report to {@code target/}.
 */
final class MatcherEvaluation {

	private static final ElementMatcher MATCHER = new ElementMatcher(Catalogs.current());

	final Score total = new Score();

	final Map<String, Score> byCategory = new TreeMap<>();

	final List<JsonNode> sentences;

	private final StringBuilder report;

	private MatcherEvaluation(List<JsonNode> sentences, String title) {
		this.sentences = sentences;
		this.report = new StringBuilder(title + "\n");
	}

	/** Scores every line of a classpath resource, prints the report and writes it to {@code target/<file>}. */
	static MatcherEvaluation of(String resource, String title, String file) throws IOException {
		MatcherEvaluation evaluation = new MatcherEvaluation(sentences(resource), title);
		int unknownHits = 0;
		int unknownExpected = 0;
		for (JsonNode sentence : evaluation.sentences) {
			String category = sentence.get("category").asString();
			MatchResult result = MATCHER.match(category, sentence.get("text").asString());
			Set<String> want = codes(sentence, "items");
			want.addAll(codes(sentence, "umbrellas"));
			Set<String> got = new HashSet<>(result.itemCodes());
			result.pendingQuestions().forEach((q) -> got.add(q.umbrellaCode()));
			evaluation.total.add(want, got);
			evaluation.byCategory.computeIfAbsent(category, (c) -> new Score()).add(want, got);
			Set<String> unknownWanted = codes(sentence, "unknown");
			unknownExpected += unknownWanted.size();
			unknownHits += (int) unknownWanted.stream().filter(result.unknownTerms()::contains).count();
			if (!got.equals(want) || !new HashSet<>(result.unknownTerms()).equals(unknownWanted)) {
				evaluation.report.append(String.format("MISS [%s] %s%n     expected %s unknown %s%n     got      %s unknown %s%n",
						category, sentence.get("text").asString(), want, unknownWanted, got, result.unknownTerms()));
			}
		}
		evaluation.report.append(String.format("%n%-14s %s%n", "all", evaluation.total.line()));
		evaluation.byCategory.forEach((category, score) -> evaluation.report.append(String.format("%-14s %s%n", category, score.line())));
		evaluation.report.append(String.format("unknown-term recall %d/%d%n", unknownHits, unknownExpected));
		System.out.println(evaluation.report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", file), evaluation.report);
		return evaluation;
	}

	private static Set<String> codes(JsonNode sentence, String field) {
		Set<String> codes = new HashSet<>();
		sentence.get(field).forEach((code) -> codes.add(code.asString()));
		return codes;
	}

	private static List<JsonNode> sentences(String resource) throws IOException {
		JsonMapper mapper = JsonMapper.builder().build();
		List<JsonNode> sentences = new ArrayList<>();
		try (InputStream in = MatcherEvaluation.class.getResourceAsStream(resource);
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
	static final class Score {

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
