package es.msia.bot.catalog.matching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpanishStemsTests {

	@Test
	void joinsPluralsGendersAndAccents() {
		assertThat(SpanishStems.stem("retrovisores")).isEqualTo(SpanishStems.stem("retrovisor"));
		assertThat(SpanishStems.stem("luces")).isEqualTo(SpanishStems.stem("luz"));
		assertThat(SpanishStems.stem("delantera")).isEqualTo(SpanishStems.stem("delanteros"));
		assertThat(SpanishStems.stem("Suspensión")).isEqualTo(SpanishStems.stem("suspensiones"));
	}

	@Test
	void joinsVerbFormsToTheirNoun() {
		assertThat(SpanishStems.stem("cambiado")).isEqualTo(SpanishStems.stem("cambio"));
		assertThat(SpanishStems.stem("cambié")).isEqualTo(SpanishStems.stem("cambiar"));
		assertThat(SpanishStems.stem("recortado")).isEqualTo(SpanishStems.stem("recortar"));
	}

	@Test
	void keepsDifferentPartsApart() {
		assertThat(SpanishStems.stem("manillar")).isNotEqualTo(SpanishStems.stem("mandos"));
		assertThat(SpanishStems.stem("llantas")).isNotEqualTo(SpanishStems.stem("neumaticos"));
	}

	@Test
	void leavesNumbersAndJoinedWordsAlone() {
		assertThat(SpanishStems.stem("320")).isEqualTo("320");
		assertThat(SpanishStems.stem("k&n")).isEqualTo("k&n");
	}

}
