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
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Micro precision and recall of the matcher over (sentence, code) pairs of the labelled set, where a
 * code is a matched item or an umbrella needing its question. Writes target/matching-report.txt.
 */
class ElementMatcherEvaluationTests {

	private static final ElementMatcher MATCHER = new ElementMatcher(Catalogs.current());

	@Test
	void reachesNinetyFivePercentPrecisionAndRecall() throws IOException {
		List<JsonNode> sentences = labelledSentences();
		StringBuilder report = new StringBuilder();
		int truePositives = 0;
		int predicted = 0;
		int expected = 0;
		int unknownHits = 0;
		int unknownExpected = 0;
		for (JsonNode sentence : sentences) {
			MatchResult result = MATCHER.match(sentence.get("category").asString(), sentence.get("text").asString());
			Set<String> want = codes(sentence, "items");
			want.addAll(codes(sentence, "umbrellas"));
			Set<String> got = new HashSet<>(result.itemCodes());
			result.pendingQuestions().forEach((q) -> got.add(q.umbrellaCode()));
			Set<String> hits = new HashSet<>(got);
			hits.retainAll(want);
			truePositives += hits.size();
			predicted += got.size();
			expected += want.size();
			Set<String> unknownWanted = codes(sentence, "unknown");
			unknownExpected += unknownWanted.size();
			unknownHits += (int) unknownWanted.stream().filter(result.unknownTerms()::contains).count();
			if (!got.equals(want) || !new HashSet<>(result.unknownTerms()).equals(unknownWanted)) {
				report.append(String.format("MISS [%s] %s%n     expected %s unknown %s%n     got      %s unknown %s%n",
						sentence.get("category").asString(), sentence.get("text").asString(), want, unknownWanted, got,
						result.unknownTerms()));
			}
		}
		double precision = (double) truePositives / predicted;
		double recall = (double) truePositives / expected;
		report.append(String.format("%nsentences %d, pairs expected %d, predicted %d, correct %d%n", sentences.size(),
				expected, predicted, truePositives));
		report.append(String.format("precision %.3f recall %.3f | unknown-term recall %d/%d%n", precision, recall,
				unknownHits, unknownExpected));
		System.out.println(report);
		Files.createDirectories(Path.of("target"));
		Files.writeString(Path.of("target", "matching-report.txt"), report);

		assertThat(precision).isGreaterThanOrEqualTo(0.95);
		assertThat(recall).isGreaterThanOrEqualTo(0.95);
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

}
