package es.msia.bot.cases.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.cases.domain.CaseDialogue.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CaseDialogueTests {

	private final CatalogDefinition catalog = Catalogs.current();

	private final CollectionPlan plan = new CollectionPlan(catalog.category("motos-part").orElseThrow(), catalog.caseData());

	private final CaseDialogue dialogue = new CaseDialogue(plan);

	private final CaseTexts texts = new CaseTexts();

	private final Map<String, Integer> files = new HashMap<>();

	private CaseData data = CaseData.start(List.of(new CaseItem("ESCAPE", "Escape", "ESCAPE", null, Map.of())), Map.of());

	@Test
	void collectsAMotorcycleCaseInOrderAndSubmitsOnConfirmation() {
		assertThat(plan.next(data)).isInstanceOf(Step.Photos.class);
		assertThat(((Step.Photos) plan.next(data)).expected()).isEqualTo(2);
		send("", 1);
		assertThat(plan.next(data)).isInstanceOf(Step.Photos.class);
		send("", 1);
		assertThat(plan.next(data)).isInstanceOf(Step.Fields.class);
		send("Akrapovic Racing Line, linea completa, si");
		assertThat(data.item("item:ESCAPE").fields()).containsEntry("marca_modelo", "Akrapovic Racing Line")
			.containsEntry("tipo", "Línea completa")
			.containsEntry("homologado_para_modelo", "true");
		send("", 1);
		send("", 1);
		send("", 4);
		Step metro = plan.next(data);
		assertThat(metro).isInstanceOf(Step.Document.class);
		assertThat(((Step.Document) metro).optional()).isTrue();
		send("no aplica");
		assertThat(((Step.Fields) plan.next(data)).scope()).isEqualTo("personal");
		Outcome wrong = send("Lucía Martín, 12345678A, lucia@example.com");
		assertThat(wrong.lines()).extracting(Line::key).contains("invalid.nif.letter");
		send("12345678Z");
		assertThat(data.personal()).containsEntry("dni_nie_cif", "12345678Z").containsEntry("email", "lucia@example.com");
		send("C/ Larios 5, Málaga, malaga");
		Outcome badCp = send("28001, ITV Málaga - Guadalhorce");
		assertThat(badCp.lines()).extracting(Line::key).contains("invalid.postcode.mismatch");
		send("29005");
		assertThat(data.personal()).containsEntry("domicilio_cp", "29005").containsEntry("domicilio_provincia", "Málaga");
		Outcome badPlate = send("Yamaha, XSR 700, 1234 ABC");
		assertThat(badPlate.lines()).extracting(Line::key).contains("invalid.plate.vowels");
		send("1234 LMN");
		send("2019, no");
		send("no");
		send("sí");
		send("820 mm");
		send("no");
		assertThat(plan.next(data)).isInstanceOf(Step.WorkshopChoice.class);
		assertThat(texts.prompt(plan.next(data), plan, data, "MSI-2026-000001")).contains("85 €");
		send("1");
		assertThat(plan.next(data)).isInstanceOf(Step.Summary.class);
		Outcome fix = send("perdona, el email es lucia.martin@example.com");
		assertThat(fix.lines()).extracting(Line::key).containsExactly("field.corrected");
		assertThat(data.personal()).containsEntry("email", "lucia.martin@example.com");
		assertThat(send("sí").submit()).isTrue();
		assertThat(texts.prompt(plan.next(data), plan, data, "MSI-2026-000001")).contains("Akrapovic", "1234LMN", "820");
	}

	@Test
	void asksVariantFieldsOnlyForTheirVariant() {
		data = CaseData.start(List.of(new CaseItem("SUSPENSION_TRAS", "Suspensión trasera", "SUSPENSION", "SUSPENSION_TRAS",
				Map.of())), Map.of());
		Step.Photos photos = (Step.Photos) plan.next(data);
		assertThat(photos.photoLines()).noneMatch(l -> l.startsWith("Delantera"));
		send("", 1);
		Step.Fields fields = (Step.Fields) plan.next(data);
		assertThat(fields.fields()).allMatch(f -> f.key().startsWith("tras_"));
	}

	@Test
	void showsKnownPersonalDataForConfirmation() {
		data = CaseData.start(List.of(), Map.of("nombre", "Lucía", "email", "lucia@example.com"));
		for (int i = 0; i < 4; i++) {
			send("", 4);
		}
		assertThat(plan.next(data)).isInstanceOf(Step.ConfirmKnown.class);
		assertThat(texts.prompt(plan.next(data), plan, data, "R")).contains("lucia@example.com");
		send("sí");
		assertThat(((Step.Fields) plan.next(data)).fields()).extracting("key").doesNotContain("nombre", "email");
	}

	@Test
	void takesTheOptionalVinOnlyWhenClearlyGiven() {
		toVehicleStep();
		send("Yamaha, XSR 700, 1234 LMN, el bastidor te lo paso luego");
		assertThat(data.vehicle()).containsEntry("marca", "Yamaha").containsEntry("modelo", "XSR 700")
			.containsEntry("matricula", "1234LMN").doesNotContainKey("bastidor");

		send("2019, no, bastidor JYARM241000012345");
		assertThat(data.vehicle()).containsEntry("anio_matriculacion", "2019").containsEntry("cambio_plazas", "false")
			.containsEntry("bastidor", "JYARM241000012345");
	}

	@Test
	void takesABareVinWhileTheVehicleIsAskedButNotElsewhere() {
		toVehicleStep();
		send("Yamaha, XSR 700, JYARM241000012345, 1234 LMN");
		assertThat(data.vehicle()).containsEntry("bastidor", "JYARM241000012345").containsEntry("matricula", "1234LMN")
			.containsEntry("modelo", "XSR 700");

		data = CaseData.start(List.of(new CaseItem("ESCAPE", "Escape", "ESCAPE", null, Map.of())), Map.of());
		send("", 2);
		send("Akrapovic JYARM241000012345, linea completa, si");
		assertThat(data.vehicle()).doesNotContainKey("bastidor");
		assertThat(data.item("item:ESCAPE").fields()).containsEntry("marca_modelo", "Akrapovic JYARM241000012345");
	}

	@Test
	void anInvalidLabelledVinIsReAskedAndWordsThatOnlyStartLikeALabelAreNotLabels() {
		toVehicleStep();
		Outcome wrong = send("Yamaha, XSR 700, 1234 LMN, VIN: JYARM2410000I2345");
		assertThat(wrong.lines()).extracting(Line::key).contains("invalid.vin.letters");
		assertThat(data.vehicle()).doesNotContainKey("bastidor").containsEntry("matricula", "1234LMN");

		send("2019, no");
		send("no");
		Outcome vinilo = send("los vinilos es lo que he cambiado");
		assertThat(vinilo.lines()).extracting(Line::key).containsAnyOf("clarify.field", "clarify.unknown");
		assertThat(data.vehicle()).doesNotContainKey("bastidor");
	}

	@Test
	void aBlankMessageAsksTheSameQuestionAgainWithoutComment() {
		toVehicleStep();
		Outcome again = send("");
		assertThat(again.lines()).isEmpty();
		assertThat(again.next()).isEqualTo(plan.next(data));
	}

	@Test
	void readsPostcodesProvincesAndAddressesWrittenInProse() {
		toPersonalStep();
		send("Soy Lucía Martín, con DNI 12345678Z y mi correo es lucia@example.com");
		send("vivo en C/ Larios 5, 2º B, en Málaga, provincia de Málaga");
		send("y mi código postal, el 29005. La ITV la pasaré en la ITV Málaga - Guadalhorce");
		assertThat(data.personal()).containsEntry("nombre", "Lucía Martín").containsEntry("dni_nie_cif", "12345678Z")
			.containsEntry("domicilio_calle", "C/ Larios 5, 2º B").containsEntry("domicilio_localidad", "Málaga")
			.containsEntry("domicilio_provincia", "Málaga").containsEntry("domicilio_cp", "29005")
			.containsEntry("itv_nombre", "ITV Málaga - Guadalhorce");
	}

	@Test
	void aCommaListWhoseAddressHoldsACommaKeepsTheFloorInTheAddress() {
		toPersonalStep();
		send("Lucía Martín, 12345678Z, lucia@example.com");
		send("C/ Larios 5, 2º B, Málaga, Málaga");
		assertThat(data.personal()).containsEntry("domicilio_calle", "C/ Larios 5, 2º B")
			.containsEntry("domicilio_localidad", "Málaga").containsEntry("domicilio_provincia", "Málaga");
	}

	@Test
	void aValueThatFitsNoFieldWithConfidenceIsAskedAboutNotFiled() {
		toVehicleStep();
		Outcome unsure = send("Es una Yamaha XSR 700, matrícula 1234 LMN");
		assertThat(unsure.lines()).extracting(Line::key).containsExactly("clarify.field");
		assertThat(texts.line(unsure.lines().get(0))).isEqualTo("¿«Yamaha XSR 700» es el dato «Marca del vehículo»? Responde «sí» o «no».");
		assertThat(data.vehicle()).containsEntry("matricula", "1234LMN").doesNotContainKeys("marca", "modelo");
		send("no");
		send("Yamaha");
		assertThat(data.vehicle()).containsEntry("marca", "Yamaha");
	}

	@Test
	void theSameStepIsRephrasedThenAPersonIsOfferedThenTheCaseIsHandedOffAndKept() {
		toVehicleStep();
		Outcome first = send("mmm no sé");
		assertThat(first.ask()).isEqualTo(CaseDialogue.Ask.REPHRASE);
		String rephrased = texts.reply(first, plan, "R");
		assertThat(rephrased).contains("Vamos de uno en uno").contains("Marca del vehículo (por ejemplo: Yamaha)")
			.doesNotContain("Modelo del vehículo");
		Outcome second = send("pues eso, lo que te dije");
		assertThat(second.ask()).isEqualTo(CaseDialogue.Ask.OFFER_PERSON);
		assertThat(texts.reply(second, plan, "R")).contains("¿Quieres que te pase con una persona del equipo?")
			.contains("queda guardado").doesNotContain("Vamos de uno en uno");
		Outcome declined = send("no, sigo contigo");
		assertThat(declined.ask()).isEqualTo(CaseDialogue.Ask.NORMAL);
		Outcome stillLost = send("???");
		assertThat(stillLost.handOff()).isTrue();
		assertThat(texts.reply(stillLost, plan, "R")).contains("Te paso con una persona").contains("*R* queda guardado");
		assertThat(data.personal()).containsEntry("nombre", "Lucía Martín");
	}

	@Test
	void aYesToTheOfferedPersonHandsOffAndProgressResetsTheCount() {
		toVehicleStep();
		assertThat(send("ni idea").ask()).isEqualTo(CaseDialogue.Ask.REPHRASE);
		assertThat(send("Yamaha").ask()).isEqualTo(CaseDialogue.Ask.NORMAL);
		assertThat(send("ya te digo que no lo sé").ask()).isEqualTo(CaseDialogue.Ask.REPHRASE);
		assertThat(send("tampoco sé").ask()).isEqualTo(CaseDialogue.Ask.OFFER_PERSON);
		assertThat(send("sí, por favor").handOff()).isTrue();
	}

	@Test
	void anOptionalDocumentIsSkippedWithTheWordsPeopleUseAndLaterIsNotNo() {
		data = CaseData.start(List.of(), Map.of());
		for (int i = 0; i < 3; i++) {
			send("", 4);
		}
		assertThat(((Step.Document) plan.next(data)).optional()).isTrue();
		Outcome later = send("la foto con el metro te la mando luego");
		assertThat(later.lines()).extracting(Line::key).containsExactly("files.later");
		assertThat(plan.next(data)).isInstanceOf(Step.Document.class);
		send("por delante no toqué nada");
		assertThat(((Step.Fields) plan.next(data)).scope()).isEqualTo("personal");
	}

	@Test
	void yesAndNoAreReadInTheirEverydayForms() {
		toVehicleStep();
		send("Yamaha, XSR 700, 1234 LMN");
		send("2019, eso no");
		assertThat(data.vehicle()).containsEntry("cambio_plazas", "false");
		send("tampoco");
		assertThat(data.vehicle()).containsEntry("cambio_altura", "false");
		send("claro");
		assertThat(data.vehicle()).containsEntry("cambio_ancho", "true");
	}

	@Test
	void rolesAndTownsAreNotNamesOrStreetsAndShapesAreFoundInsideWords() {
		toPersonalStep();
		send("Lucía Martín, soy autónoma, 12345678Z, lucia@example.com");
		assertThat(data.personal()).containsEntry("nombre", "Lucía Martín").containsEntry("dni_nie_cif", "12345678Z");
		toPersonalStep();
		send("es a nombre de mi padre, Manuel Ortega, 12345678Z, manuel@example.com");
		assertThat(data.personal()).containsEntry("nombre", "Manuel Ortega");
		toPersonalStep();
		send("Luis Gómez 12345678Z luis@example.com");
		assertThat(data.personal()).containsEntry("nombre", "Luis Gómez").containsEntry("email", "luis@example.com");
		send("Calle Larios 5, 29005 Málaga, Málaga");
		assertThat(data.personal()).containsEntry("domicilio_calle", "Calle Larios 5").containsEntry("domicilio_localidad", "Málaga")
			.containsEntry("domicilio_cp", "29005");
		toPersonalStep();
		send("Lucía Martín, 12345678Z, lucia@example.com");
		send("Plaza Mayor 1 en Valladolid, Valladolid");
		assertThat(data.personal()).containsEntry("domicilio_calle", "Plaza Mayor 1").containsEntry("domicilio_localidad", "Valladolid");
	}

	@Test
	void partsOfTheModificationAreNotVehicleDataAndOldValuesAreNotFiled() {
		toVehicleStep();
		send("Yamaha, XSR 700, 1234 LMN, y el escape es de la marca Akrapovic");
		assertThat(data.vehicle()).containsEntry("marca", "Yamaha").containsEntry("modelo", "XSR 700");
		toVehicleStep();
		send("Honda, Forza 125, matrícula nueva 1234 LMN, antes tenía la 9876 BCD");
		assertThat(data.vehicle()).containsEntry("matricula", "1234LMN");
		toVehicleStep();
		send("BMW R 1250 GS Adventure 1234 LMN");
		assertThat(data.vehicle()).containsEntry("matricula", "1234LMN").doesNotContainKeys("marca", "modelo");
	}

	@Test
	void yesAndNoFollowNegationDoubtAndTheLastWord() {
		toVehicleStep();
		send("Yamaha, XSR 700, 1234 LMN");
		send("2019, si no me equivoco, no");
		assertThat(data.vehicle()).containsEntry("cambio_plazas", "false");
		assertThat(send("¿lleva algún papel?").lines()).extracting(Line::key).doesNotContain("field.corrected");
		assertThat(data.vehicle()).doesNotContainKey("cambio_altura");
		send("no estoy seguro");
		assertThat(data.vehicle()).doesNotContainKey("cambio_altura");
		send("no no, sí que cambia");
		assertThat(data.vehicle()).containsEntry("cambio_altura", "true");
	}

	@Test
	void anOptionRuledOutIsNotChosenAndUnknownValuesAreNotFiled() {
		send("", 2);
		send("Arrow, el silencioso no, el completo, sí");
		assertThat(data.item("item:ESCAPE").fields()).containsEntry("tipo", "Línea completa")
			.containsEntry("homologado_para_modelo", "true").containsEntry("marca_modelo", "Arrow");
		data = CaseData.start(List.of(new CaseItem("ESCAPE", "Escape", "ESCAPE", null, Map.of())), Map.of());
		files.clear();
		send("", 2);
		send("Arrow, silencioso, no sé si está homologado");
		assertThat(data.item("item:ESCAPE").fields()).doesNotContainKey("homologado_para_modelo");
	}

	@Test
	void theWorkshopChoiceRespectsNegation() {
		toVehicleStep();
		send("Yamaha, XSR 700, 1234 LMN");
		send("2019, no");
		send("no");
		send("no");
		send("no");
		assertThat(plan.next(data)).isInstanceOf(Step.WorkshopChoice.class);
		send("no, mi taller no, mejor vosotros");
		assertThat(data.workshopMode()).isEqualTo("msi");
	}

	@Test
	void knowsHowManyFilesCompleteEachSlot() {
		assertThat(plan.expectedFiles("item:ESCAPE", data)).isEqualTo(2);
		assertThat(plan.expectedFiles("doc:FOTOS_EXTERIORES", data)).isEqualTo(4);
		assertThat(plan.expectedFiles("doc:FICHA_TECNICA", data)).isEqualTo(1);
		assertThat(plan.expectedFiles("unsorted", data)).isZero();
	}

	@Test
	void proposedValuesFillOnlyTheFieldsTheMessageLeftEmptyAndPassTheSameRules() {
		send("", 2);
		Outcome outcome = send("Akrapovic Racing Line", Map.of("marca_modelo", "Yoshimura R-77", "tipo", "toda la linea",
				"homologado_para_modelo", "sí, viene homologado", "contrasena_homologacion", "e13*97/24*0123"));

		assertThat(data.item("item:ESCAPE").fields()).containsEntry("marca_modelo", "Akrapovic Racing Line")
			.containsEntry("tipo", "Línea completa")
			.containsEntry("homologado_para_modelo", "true")
			// Not asked in this step (optional): a proposal never fills a field the question did not ask.
			.doesNotContainKey("contrasena_homologacion");
		assertThat(outcome.lines()).isEmpty();
		assertThat(outcome.next()).isNotInstanceOf(Step.Fields.class);
	}

	@Test
	void aProposedInvalidDniIsRefusedWithTheSameLineAsATypedOne() {
		toPersonalStep();
		CaseData start = data;
		Outcome typed = send("Lucía Martín, 12345678A, lucia@example.com");

		data = start;
		// The reader takes the name and the e-mail; only the model read the DNI.
		Outcome proposed = send("Lucía Martín, lucia@example.com", Map.of("dni_nie_cif", "12345678A"));

		Line refusal = Line.of("invalid.nif.letter", "DNI, NIE o CIF", "12345678A");
		assertThat(typed.lines()).containsExactly(refusal);
		assertThat(proposed.lines()).containsExactly(refusal);
		assertThat(texts.line(proposed.lines().get(0))).isEqualTo(texts.line(typed.lines().get(0))).contains("12345678A");
		assertThat(data.personal()).containsEntry("nombre", "Lucía Martín").containsEntry("email", "lucia@example.com")
			.doesNotContainKey("dni_nie_cif");
		assertThat(((Step.Fields) proposed.next()).fields()).extracting("key").startsWith("dni_nie_cif");
	}

	@Test
	void aValueTheReaderRefusedIsExplainedOnceEvenWhenTheModelProposesItToo() {
		toPersonalStep();
		Outcome outcome = send("Lucía Martín, 12345678A, lucia@example.com", Map.of("dni_nie_cif", "12345678A"));

		assertThat(outcome.lines()).extracting(Line::key).containsExactly("invalid.nif.letter");
		assertThat(data.personal()).doesNotContainKey("dni_nie_cif");
	}

	@Test
	void aValueTheModelPlacedIsNotAskedAboutAgain() {
		send("", 2);
		Outcome alone = send("Akrapovic, completa, Racing Line, si");
		assertThat(alone.lines()).extracting(Line::key).containsAnyOf("clarify.field", "clarify.unknown");

		data = CaseData.start(List.of(new CaseItem("ESCAPE", "Escape", "ESCAPE", null, Map.of())), Map.of());
		data.slotsDone().add("item:ESCAPE");
		Outcome helped = send("Akrapovic, completa, Racing Line, si", Map.of("marca_modelo", "Akrapovic Racing Line"));

		assertThat(data.item("item:ESCAPE").fields()).containsEntry("marca_modelo", "Akrapovic Racing Line")
			.containsEntry("tipo", "Línea completa").containsEntry("homologado_para_modelo", "true");
		assertThat(helped.lines()).isEmpty();
		assertThat(helped.next()).isNotInstanceOf(Step.Fields.class);
	}

	private void toPersonalStep() {
		data = CaseData.start(List.of(), Map.of());
		for (int i = 0; i < 3; i++) {
			send("", 4);
		}
		send("no aplica");
	}

	private void toVehicleStep() {
		toPersonalStep();
		send("Lucía Martín, 12345678Z, lucia@example.com");
		send("C/ Larios 5, Málaga, Málaga");
		send("29005, ITV Málaga - Guadalhorce");
		assertThat(((Step.Fields) plan.next(data)).scope()).isEqualTo("vehicle");
	}

	private Outcome send(String text) {
		return send(text, 0);
	}

	private Outcome send(String text, Map<String, String> proposed) {
		Outcome outcome = dialogue.apply(data, text, 0, 0, proposed);
		data = outcome.data();
		return outcome;
	}

	private Outcome send(String text, int newFiles) {
		Step step = plan.next(data);
		String slot = step instanceof Step.Photos p ? p.slot() : step instanceof Step.Document d ? d.slot() : "unsorted";
		files.merge(slot, newFiles, Integer::sum);
		Outcome outcome = dialogue.apply(data, text, newFiles, files.get(slot));
		data = outcome.data();
		return outcome;
	}

}
