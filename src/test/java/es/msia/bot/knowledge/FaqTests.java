package es.msia.bot.knowledge;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline matching of questions to knowledge-base entries. */
class FaqTests {

	static final List<FaqEntry> ENTRIES = List.of(
			new FaqEntry("plazo", "¿Cuánto tardáis?", "Unos 4 días hábiles.", List.of("cuanto tarda", "plazo")),
			new FaqEntry("certificado-taller", "¿Qué es el certificado de taller?", "Lo firma el taller.",
					List.of("certificado de taller", "taller")),
			new FaqEntry("itv", "¿Y la ITV?", "Pasas la inspección.", List.of("itv")));

	@Test
	void matchesIgnoringAccentsCaseAndPunctuation() {
		assertThat(Faq.match(ENTRIES, "¿¿CUÁNTO TARDÁIS??")).map(FaqEntry::key).contains("plazo");
	}

	@Test
	void prefersTheLongestKeywordFound() {
		assertThat(Faq.match(ENTRIES, "¿qué es eso del certificado de taller para la itv?")).map(FaqEntry::key)
			.contains("certificado-taller");
	}

	@Test
	void matchesOnlyAtWordStarts() {
		assertThat(Faq.match(ENTRIES, "la capitv no existe")).isEmpty();
	}

	@Test
	void findsNothingForUnrelatedQuestions() {
		assertThat(Faq.match(ENTRIES, "¿aceptáis bizum?")).isEmpty();
	}

}
