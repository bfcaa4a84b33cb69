package es.msia.bot.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElementMatcherTests {

	private static final String MOTO = "motos-part";

	private static final String MOTORHOME = "aseicars-prof";

	private final ElementMatcher matcher = new ElementMatcher(Catalogs.current());

	@Test
	void ignoresAccentsAndCase() {
		assertThat(codes(MOTO, "SUSPENSIÓN TRASERA")).containsExactly("SUSPENSION_TRAS");
		assertThat(codes(MOTORHOME, "Cambio de clasificación SIN CONTRASEÑA")).containsExactly("CLASIFICACION_SIN_CONTRASENA");
	}

	@Test
	void matchesSingularAndPlural() {
		assertThat(codes(MOTO, "un retrovisor")).containsExactly("ESPEJOS");
		assertThat(codes(MOTO, "los manillares")).containsExactly("MANILLAR");
	}

	@Test
	void toleratesTyposOnlyInLongerWords() {
		assertThat(codes(MOTO, "retrovisres nuevos")).containsExactly("ESPEJOS");
		assertThat(codes(MOTO, "latiguiyos de freno")).containsExactly("FRENADO_LATIGUILLOS");
		assertThat(this.matcher.match(MOTO, "un farp").isEmpty()).isTrue();
	}

	@Test
	void excludesNegatedElements() {
		assertThat(this.matcher.match(MOTO, "todo menos el escape").excludedCodes()).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "sin tocar el manillar, solo espejos")).containsExactly("ESPEJOS");
		assertThat(codes(MOTO, "el escape no, los espejos si")).containsExactly("ESPEJOS");
		assertThat(codes(MOTO, "no he cambiado el manillar ni el escape")).isEmpty();
		assertThat(codes(MOTO, "no se si el escape es legal")).containsExactly("ESCAPE");
	}

	@Test
	void notesQuantitiesButCountsOneItem() {
		MatchResult result = this.matcher.match(MOTO, "he cambiado los dos espejos");

		assertThat(result.items()).singleElement().satisfies((item) -> {
			assertThat(item.code()).isEqualTo("ESPEJOS");
			assertThat(item.quantity()).isEqualTo(2);
		});
		assertThat(this.matcher.match(MOTO, "ambos retrovisores").items().get(0).quantity()).isEqualTo(2);
	}

	@Test
	void resolvesFrontAndRearIndicatorsToBothVariants() {
		assertThat(codes(MOTO, "intermitentes delanteros y traseros")).containsExactly("INTERMITENTES_DEL", "INTERMITENTES_TRAS");
		assertThat(codes(MOTO, "intermitentes delante y detrás")).containsExactly("INTERMITENTES_DEL", "INTERMITENTES_TRAS");
	}

	@Test
	void asksTheVariantQuestionForAGenericUmbrella() {
		MatchResult result = this.matcher.match(MOTO, "he cambiado la suspension y dos intermitentes");

		assertThat(result.items()).isEmpty();
		assertThat(result.pendingQuestions()).extracting(PendingVariantQuestion::umbrellaCode)
			.containsExactly("SUSPENSION", "INTERMITENTES");
		assertThat(result.pendingQuestions().get(0).questionEs()).startsWith("¿Qué suspensión");
		assertThat(result.pendingQuestions().get(1).quantity()).isEqualTo(2);
	}

	@Test
	void resolvesAVariantNamedDirectly() {
		assertThat(codes(MOTO, "amortiguador trasero")).containsExactly("SUSPENSION_TRAS");
		assertThat(codes(MOTO, "pinzas de freno equivalentes")).containsExactly("FRENADO_PINZAS_EQUIV");
		assertThat(codes(MOTO, "un catadioptrico")).containsExactly("CATADIOPTRICO");
	}

	@Test
	void keepsOnlyTheMostDemandingOfAlternativeVariants() {
		assertThat(codes(MOTO, "discos de freno equivalentes y mas grandes")).containsExactly("FRENADO_DISCOS_NO_EQUIV");
	}

	@Test
	void reportsUnknownModificationsWithoutGuessing() {
		MatchResult result = this.matcher.match(MOTO, "Hola, he puesto un turbo y un escape a mi mt07");

		assertThat(result.itemCodes()).containsExactly("ESCAPE");
		assertThat(result.unknownTerms()).containsExactly("turbo");
		assertThat(this.matcher.match(MOTO, "hola buenas, quiero homologar mi moto gracias").isEmpty()).isTrue();
	}

	@Test
	void prefersTheLongestMatch() {
		assertThat(codes(MOTO, "soporte de faro")).containsExactly("SOPORTE_FARO");
		assertThat(codes(MOTO, "quitar el caballete central")).containsExactly("CABALLETE");
		assertThat(codes(MOTORHOME, "luz de toldo")).containsExactly("LUCES_CORTESIA");
	}

	@Test
	void findsSeveralElementsInOneSentence() {
		assertThat(codes(MOTO, "escape, filtro, manillar y retrovisores")).containsExactly("ESCAPE", "FILTRO", "MANILLAR", "ESPEJOS");
	}

	@Test
	void resolvesAnswersToVariantQuestions() {
		assertThat(answer(MOTO, "SUSPENSION", "la trasera")).containsExactly("SUSPENSION_TRAS");
		assertThat(answer(MOTO, "SUSPENSION", "las dos")).containsExactly("SUSPENSION_DEL", "SUSPENSION_TRAS");
		assertThat(answer(MOTO, "INTERMITENTES", "delante y detrás")).containsExactly("INTERMITENTES_DEL", "INTERMITENTES_TRAS");
		assertThat(answer(MOTO, "FRENADO_PINZAS", "sí, son equivalentes")).containsExactly("FRENADO_PINZAS_EQUIV");
		assertThat(answer(MOTO, "FRENADO_PINZAS", "no son equivalentes")).containsExactly("FRENADO_PINZAS_NO_EQUIV");
		assertThat(answer(MOTORHOME, "PLACA_SOLAR", "en el maletero")).containsExactly("PLACA_SOLAR_REGULADOR_MALETERO");
		assertThat(answer(MOTO, "FRENADO_PINZAS", "no sé")).isEmpty();
	}

	private List<String> codes(String slug, String text) {
		return this.matcher.match(slug, text).itemCodes();
	}

	private List<String> answer(String slug, String umbrella, String text) {
		return this.matcher.resolveVariantAnswer(slug, umbrella, text).variantCodes();
	}

}
