package es.msia.bot.conversation.llm;

import java.util.List;
import java.util.stream.IntStream;

import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static es.msia.bot.conversation.llm.LlmFixtures.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prompt's token count is added up piece by piece instead of counting the rendered prompt; it must
 * stay what counting the rendered prompt gives, or the budget would mean nothing.
 */
class UnderstandingPromptTests {

	static final UnderstandingContext MOTO = new UnderstandingContext(Phase.COLLECTING_ELEMENTS, "motos-part",
			List.of("ESCAPE"), List.of(), 7);

	static List<String> window(int lines) {
		return IntStream.range(0, lines)
			.mapToObj(i -> (i % 2 == 0 ? "Cliente: " : "MSI: ") + "mensaje " + i + " sobre el escape y el manillar, ¿cuánto?")
			.toList();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 3, 12 })
	void theAddedUpCountIsNeverBelowTheRenderedPromptsAndAtMostTwoPercentAbove(int lines) {
		UnderstandingPrompt prompt = new UnderstandingPrompt(100_000);

		UnderstandingPrompt.Built built = prompt.build(MOTO, CATALOG, window(lines), "quiero homologar el escape",
				List.of(), List.of("plazo: unos 4 días hábiles"));

		int rendered = UnderstandingPrompt.count(built.system()) + UnderstandingPrompt.count(built.user())
				+ UnderstandingPrompt.count("[]") + 8;
		assertThat(built.tokens()).isGreaterThanOrEqualTo(rendered).isLessThanOrEqualTo(rendered * 102 / 100);
	}

	@Test
	void dropsTheOldestLinesThenTheElementListToFitTheBudget() {
		UnderstandingPrompt roomy = new UnderstandingPrompt(100_000);
		int full = roomy.build(MOTO, CATALOG, window(12), "hola", List.of(), List.of()).tokens();
		int noWindow = roomy.build(MOTO, CATALOG, List.of(), "hola", List.of(), List.of()).tokens();

		UnderstandingPrompt.Built someLines = new UnderstandingPrompt(full - 30).build(MOTO, CATALOG, window(12), "hola",
				List.of(), List.of());
		UnderstandingPrompt.Built bare = new UnderstandingPrompt(noWindow - 20).build(MOTO, CATALOG, window(12), "hola",
				List.of(), List.of());

		assertThat(someLines.tokens()).isLessThanOrEqualTo(full - 30);
		assertThat(someLines.system()).doesNotContain("mensaje 0 ").contains("mensaje 11 ");
		assertThat(bare.system()).doesNotContain("mensaje 11 ").doesNotContain("Manillar");
		assertThat(UnderstandingPrompt.count(bare.system())).isLessThan(UnderstandingPrompt.count(someLines.system()));
	}

}
