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
	void knowsHowManyFilesCompleteEachSlot() {
		assertThat(plan.expectedFiles("item:ESCAPE", data)).isEqualTo(2);
		assertThat(plan.expectedFiles("doc:FOTOS_EXTERIORES", data)).isEqualTo(4);
		assertThat(plan.expectedFiles("doc:FICHA_TECNICA", data)).isEqualTo(1);
		assertThat(plan.expectedFiles("unsorted", data)).isZero();
	}

	private void toVehicleStep() {
		data = CaseData.start(List.of(), Map.of());
		for (int i = 0; i < 3; i++) {
			send("", 4);
		}
		send("no aplica");
		send("Lucía Martín, 12345678Z, lucia@example.com");
		send("C/ Larios 5, Málaga, Málaga");
		send("29005, ITV Málaga - Guadalhorce");
		assertThat(((Step.Fields) plan.next(data)).scope()).isEqualTo("vehicle");
	}

	private Outcome send(String text) {
		return send(text, 0);
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
