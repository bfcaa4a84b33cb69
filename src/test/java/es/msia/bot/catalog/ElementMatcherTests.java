package es.msia.bot.catalog;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ElementMatcherTests {

	private static final String MOTO = "motos-part";

	private static final String MOTORHOME = "aseicars-prof";

	private final ElementMatcher matcher = new ElementMatcher(Catalogs.current());

	@Test
	void aPartNamedAsThePlaceWhereAnotherWentIsNotPriced() {
		assertThat(matcher.match("motos-part", "el clausor lo he llevado debajo del asiento").itemCodes()).containsExactly("CLAUSOR");
		assertThat(matcher.match("motos-part", "he cambiado el asiento").itemCodes()).containsExactly("ASIENTO");
	}

	@Test
	void aVerbTwoLettersFromAPartIsNotThatPart() {
		// Snowball stems "escríbeme" to "escribem" and "estriberas" to "estriber": two edits apart.
		assertThat(matcher.match("motos-part", "Escríbeme un poema sobre el Real Madrid").itemCodes()).isEmpty();
		assertThat(matcher.match("motos-part", "he cambiado las estrivberas").itemCodes()).containsExactly("ESTRIBERAS");
	}

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

	@Test
	void recognisesVerbFormsOfNounKeywords() {
		assertThat(codes(MOTO, "he cambiado el motor por uno de más cilindrada")).containsExactly("CAMBIO_MOTOR");
		assertThat(codes(MOTO, "le he alargado el basculante")).containsExactly("DISTANCIA_EJES");
		assertThat(codes(MOTO, "le bajé el faro")).containsExactly("SOPORTE_FARO");
		assertThat(codes(MOTO, "cambié el manillar")).containsExactly("MANILLAR");
		assertThat(codes(MOTO, "he montado unas estriberas")).containsExactly("ESTRIBERAS");
		assertThat(pending(MOTO, "le puse unos intermitentes")).containsExactly("INTERMITENTES");
	}

	@Test
	void doesNotPriceWhatIsStillStock() {
		assertThat(codes(MOTO, "el escape viene de fábrica")).isEmpty();
		assertThat(this.matcher.match(MOTO, "el escape es de serie").excludedCodes()).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "los espejos son los de serie, lo que cambié fue el manillar")).containsExactly("MANILLAR");
		assertThat(codes(MOTO, "he cambiado el manillar y el escape es de serie")).containsExactly("MANILLAR");
		assertThat(pending(MOTO, "los intermitentes los dejé como venían")).isEmpty();
		assertThat(codes(MOTO, "el filtro es el original, el que cambié es el escape")).containsExactly("ESCAPE");
		assertThat(codes(MOTORHOME, "la placa solar viene de fábrica, hemos puesto un inversor"))
			.containsExactly("ELECTRICIDAD_INTERIOR");
	}

	@Test
	void pricesAStockWordThatDescribesTheChangedPart() {
		assertThat(codes(MOTO, "he cambiado el escape de serie por un akrapovic")).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "el escape no es de serie, es un arrow")).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "discos de freno equivalentes a los de serie")).containsExactly("FRENADO_DISCOS_EQUIV");
		assertThat(codes(MOTO, "filtro k&n en la caja original")).containsExactly("FILTRO");
		assertThat(codes(MOTO, "todo original menos el escape")).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "tengo el escape original pero quiero cambiarlo")).containsExactly("ESCAPE");
		assertThat(codes(MOTO, "el escape es de serie pero lo voy a cambiar por un akrapovic")).containsExactly("ESCAPE");
	}

	@Test
	void letsTheHeadNounDecide() {
		assertThat(codes(MOTO, "mandos del manillar")).containsExactly("MANDOS_MANILLAR");
		assertThat(codes(MOTO, "piñas del manillar")).containsExactly("MANDOS_MANILLAR");
		assertThat(codes(MOTO, "luz de la matrícula")).containsExactly("LUZ_MATRICULA");
		assertThat(codes(MOTO, "soporte de la matrícula")).containsExactly("MATRICULA");
		assertThat(codes(MOTO, "espejos de punta de manillar")).containsExactly("ESPEJOS");
		assertThat(codes(MOTO, "depósito de líquido de frenos")).containsExactly("FRENADO_DEPOSITO");
		assertThat(codes(MOTO, "torretas para subir el manillar")).containsExactly("TIJAS");
		assertThat(pending(MOTO, "bomba de freno radial Brembo")).containsExactly("FRENADO_BOMBAS");
		assertThat(codes(MOTO, "bomba de freno delantera Nissin de otra moto")).containsExactly("FRENADO_BOMBAS_NO_EQUIV");
		assertThat(codes(MOTO, "he recortado el subchasis para el colín")).containsExactly("SUBCHASIS", "CARENADO");
	}

	@Test
	void readsColloquialTyreWordsAsTyres() {
		assertThat(pending(MOTO, "he cambiado las gomas")).containsExactly("NEUMATICOS");
		assertThat(pending(MOTO, "cubiertas nuevas")).containsExactly("NEUMATICOS");
		assertThat(pending(MOTO, "neumas nuevos")).containsExactly("NEUMATICOS");
		assertThat(pending(MOTO, "las ruedas nuevas Pirelli")).containsExactly("NEUMATICOS");
		assertThat(pending(MOTO, "las gomas de las ruedas")).containsExactly("NEUMATICOS");
		// Without a tyre word or brand, "ruedas" stays what the catalogue says: wheels.
		assertThat(pending(MOTO, "ruedas de radios")).containsExactly("LLANTAS");
	}

	@Test
	void understandsClippedWordsOnlyWhenTheyPointAtOneElement() {
		assertThat(codes(MOTO, "carena nueva")).containsExactly("CARENADO");
		assertThat(pending(MOTORHOME, "neumas nuevos")).isEmpty();
		assertThat(this.matcher.match(MOTO, "la marca del escape").itemCodes()).containsExactly("ESCAPE");
	}

	private List<String> pending(String slug, String text) {
		return this.matcher.match(slug, text).pendingQuestions().stream().map(PendingVariantQuestion::umbrellaCode).toList();
	}

	private List<String> codes(String slug, String text) {
		return this.matcher.match(slug, text).itemCodes();
	}

	private List<String> answer(String slug, String umbrella, String text) {
		return this.matcher.resolveVariantAnswer(slug, umbrella, text).variantCodes();
	}

}
