package es.msia.bot.conversation.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import dev.langchain4j.agent.tool.ToolSpecification;
import es.msia.bot.cases.OpenFields;
import es.msia.bot.catalog.FieldSpec;

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

	static final List<String> FAQ_KEYS = List.of("plazo", "urgente", "enviar-documentacion", "certificado-taller", "itv",
			"horario-direccion", "que-hace-msi");

	/**
	 * Every run of up to three required fields of one scope (items of every category, personal, vehicle,
	 * workshop): a superset of what a case ever asks in one question.
	 */
	static List<OpenFields> everyFieldStep() {
		List<OpenFields> steps = new ArrayList<>();
		CATALOG.categories().forEach(category -> category.elements().forEach(element -> steps.addAll(
				runs("item:" + element.code(), element.nameEs(), element.requiredFields()))));
		steps.addAll(runs("personal", "datos personales", CATALOG.caseData().personal()));
		steps.addAll(runs("vehicle", "datos del vehículo", CATALOG.caseData().vehicle()));
		steps.addAll(runs("workshop", "datos del taller", CATALOG.caseData().workshop().ownWorkshopFields()));
		return steps;
	}

	private static List<OpenFields> runs(String scope, String subject, List<FieldSpec> fields) {
		List<FieldSpec> required = fields.stream().filter(FieldSpec::required).toList();
		return IntStream.range(0, required.size())
			.mapToObj(i -> new OpenFields(scope, subject, required.subList(i, Math.min(i + 3, required.size()))))
			.toList();
	}

	static UnderstandingContext collecting(OpenFields fields) {
		return new UnderstandingContext(Phase.COLLECTING_CASE, "motos-part", List.of(), List.of("ESCAPE"), 7, fields);
	}

	/** The step whose fields, with their tool, weigh the most tokens. */
	static OpenFields largestFieldStep() {
		UnderstandingTools tools = new UnderstandingTools();
		return everyFieldStep().stream()
			.max(java.util.Comparator.comparingInt(step -> UnderstandingPrompt.count(UnderstandingPrompt.caseFields(
					collecting(step)) + tools.forContext(collecting(step), FAQ_KEYS, true))))
			.orElseThrow();
	}

	@Test
	void theLargestCaseQuestionFitsTheBudgetKeepingTheFieldsTheFactsAndTheLatestLines() {
		OpenFields largest = largestFieldStep();
		UnderstandingContext context = collecting(largest);
		List<ToolSpecification> tools = new UnderstandingTools().forContext(context, FAQ_KEYS, true);
		// Six window lines and two facts as long as the prompt lets them be, and a long message.
		List<String> window = IntStream.range(0, 6)
			.mapToObj(i -> "Cliente: línea " + i + " " + "con las piezas del carenado que he montado ".repeat(7))
			.toList();
		List<String> facts = List.of("plazo: " + "el proyecto se hace en unos días hábiles ".repeat(12),
				"itv: " + "la inspección se pide en la estación que elijas ".repeat(10));
		String message = "pues mira, te paso lo que me pides de las piezas del carenado que he montado ".repeat(8);

		UnderstandingPrompt.Built built = new UnderstandingPrompt(2500).build(context, CATALOG, window, message, tools,
				facts);

		assertThat(largest.fields()).hasSize(3);
		int rendered = UnderstandingPrompt.count(built.system()) + UnderstandingPrompt.count(built.user())
				+ UnderstandingPrompt.count(tools.toString()) + 8;
		assertThat(rendered).isLessThanOrEqualTo(built.tokens());
		assertThat(built.tokens()).isLessThanOrEqualTo(2500);
		assertThat(tools).extracting(ToolSpecification::name).contains("fill_case_fields");
		assertThat(built.system()).contains(UnderstandingPrompt.caseFields(context))
			.contains(built.facts())
			.contains("Manillar")
			.contains("línea 4 ", "línea 5 ");
	}

	@Test
	void neverDropsTheCaseFieldsToFitTheBudget() {
		UnderstandingContext context = collecting(largestFieldStep());
		List<ToolSpecification> tools = new UnderstandingTools().forContext(context, FAQ_KEYS);
		int noWindow = new UnderstandingPrompt(100_000).build(context, CATALOG, List.of(), "hola", tools).tokens();

		UnderstandingPrompt.Built bare = new UnderstandingPrompt(noWindow - 20).build(context, CATALOG, window(12), "hola",
				tools);

		assertThat(bare.system()).doesNotContain("mensaje 11 ").doesNotContain("Manillar")
			.contains(UnderstandingPrompt.caseFields(context));
	}

	@Test
	void describesEachAskedFieldWithItsKeyQuestionKindAndExample() {
		var escape = CATALOG.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow();
		var personal = CATALOG.caseData().personal();

		String fields = UnderstandingPrompt.caseFields(collecting(new OpenFields("item:ESCAPE", escape.nameEs(),
				escape.requiredFields().subList(0, 3))));
		String address = UnderstandingPrompt.caseFields(collecting(new OpenFields("personal", "datos personales",
				personal.stream().filter(f -> f.key().startsWith("domicilio_")).toList())));

		assertThat(fields).isEqualTo("Escape (línea completa)"
				+ "\n  - marca_modelo: Marca y modelo del escape (texto; p. ej. Akrapovic Racing Line)"
				+ "\n  - tipo: ¿Qué parte has cambiado? (una de: Línea completa | Colector | Solo silencioso)"
				+ "\n  - homologado_para_modelo: ¿El escape está homologado para tu modelo de moto? (sí o no)");
		assertThat(address).contains("domicilio_provincia: Provincia (una opción, p. ej. A Coruña, Álava, Albacete)")
			.doesNotContain("Zaragoza");
		assertThat(UnderstandingPrompt.caseFields(MOTO)).isEqualTo("ninguno");
	}

}
