package es.msia.bot.cases.domain;

import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «¿Cómo va mi expediente?» reaching the case flow (an LLM's proposal, or an understanding that missed
 * it): nothing is filed, no miss is counted, and the same step is asked again; and what the collection plan
 * says is still missing, for the answer.
 */
class CaseQuestionInTheDialogueTests {

	private final CatalogDefinition catalog = Catalogs.current();

	private final CollectionPlan plan = new CollectionPlan(catalog.category("motos-part").orElseThrow(), catalog.caseData());

	private final CaseDialogue dialogue = new CaseDialogue(plan);

	private final CaseData photosDone = CaseData.start(List.of(new CaseItem("ESCAPE", "Escape", "ESCAPE", null, Map.of())),
			Map.of());

	@ParameterizedTest
	@ValueSource(strings = { "como va mi expediente", "q os falta", "cuando paso la itv", "en q estado esta lo mio",
			"habeis recibido las fotos" })
	void theQuestionIsNotFiledNorCountedAndTheStepIsAskedAgain(String text) {
		CaseData asked = withPhotos(photosDone);
		Step step = plan.next(asked);
		assertThat(step).isInstanceOf(Step.Fields.class);

		CaseDialogue.Outcome outcome = dialogue.apply(asked, text, 0, 0, Map.of("marca_modelo", text));

		assertThat(outcome.data().item("item:ESCAPE").fields()).isEmpty();
		assertThat(outcome.lines()).isEmpty();
		assertThat(outcome.next()).isEqualTo(step);
		assertThat(outcome.ask()).isEqualTo(CaseDialogue.Ask.NORMAL);
		assertThat(outcome.data().progress()).isEqualTo(asked.progress());
	}

	@Test
	void aRealAnswerIsStillFiled() {
		CaseData asked = withPhotos(photosDone);
		CaseDialogue.Outcome outcome = dialogue.apply(asked, "Akrapovic Racing Line, linea completa, si", 0, 0);
		assertThat(outcome.data().item("item:ESCAPE").fields()).containsEntry("marca_modelo", "Akrapovic Racing Line");
	}

	@Test
	void whatIsMissingFollowsThePlanAndShrinksAsTheCaseIsFilled() {
		List<String> keys = plan.missing(photosDone).stream().map(Line::key).toList();
		assertThat(keys).startsWith("missing.photos", "missing.fields").contains("missing.document", "missing.personal",
				"missing.vehicle", "missing.workshopChoice");
		assertThat(plan.missing(photosDone).get(1).args().get(1).toString()).contains("Marca y modelo").doesNotContain("¿");

		CaseData filled = dialogue.apply(withPhotos(photosDone), "Akrapovic Racing Line, linea completa, si", 0, 0).data();
		List<String> after = plan.missing(filled).stream().map(Line::key).toList();
		assertThat(after).doesNotContain("missing.photos", "missing.fields").contains("missing.document");
	}

	private static CaseData withPhotos(CaseData data) {
		CaseData copy = new CaseData(data.items(), data.personal(), data.vehicle(), data.workshopMode(), data.workshop(),
				java.util.Set.of("item:ESCAPE"), data.personalKnown(), data.progress());
		return copy;
	}

}
