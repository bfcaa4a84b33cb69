package es.msia.bot.conversation.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingType;
import dev.langchain4j.agent.tool.ToolSpecification;
import es.msia.bot.cases.OpenFields;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.UnderstandingContext;

/**
 * Builds the system prompt of one turn from {@code prompts/conversation/understand.md}: a state summary
 * and a short window of recent lines, never the whole history, and, while a case asks for fields, those
 * fields. Counts tokens (o200k, the GPT-4o family's
 * encoding; other models differ by a few percent) and drops the oldest window lines, then the element
 * list, until the whole call fits the budget.
 */
class UnderstandingPrompt {

	private static final Encoding TOKENS = Encodings.newLazyEncodingRegistry().getEncoding(EncodingType.O200K_BASE);

	/** Per-message overhead of the chat format, in tokens. */
	private static final int MESSAGE_OVERHEAD = 4;

	private static final int LINE_CHARS = 280;

	private static final int FACT_CHARS = 480;

	/** Select options listed in full up to this many. */
	private static final int MAX_OPTIONS = 12;

	private final String template;

	/** Tokens of the template without its placeholders. */
	private final int templateTokens;

	private final int maxTokens;

	private final Map<String, Integer> counted = new ConcurrentHashMap<>();

	UnderstandingPrompt(int maxTokens) {
		this.maxTokens = maxTokens;
		try (InputStream in = getClass().getResourceAsStream("/prompts/conversation/understand.md")) {
			this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.templateTokens = count(template.replaceAll("\\{\\{\\w+}}", ""));
	}

	/**
	 * The system prompt and its token count (including the customer's message and the tools).
	 *
	 * @param facts the facts block as the model saw it (empty when none): all a written answer may state
	 */
	record Built(String system, String user, int tokens, String facts) {
	}

	/** The fixed text of the prompt, which no reply may echo. */
	String template() {
		return template;
	}

	Built build(UnderstandingContext context, CatalogDefinition catalog, List<String> window, String text,
			List<ToolSpecification> tools) {
		return build(context, catalog, window, text, tools, List.of());
	}

	/** @param facts knowledge-base answers relevant to the message, as "key: answer"; never dropped to fit */
	Built build(UnderstandingContext context, CatalogDefinition catalog, List<String> window, String text,
			List<ToolSpecification> tools, List<String> facts) {
		String factBlock = facts.stream().map(f -> "- " + clip(f, FACT_CHARS)).collect(Collectors.joining("\n"));
		String user = clip(text, 1000);
		CategoryDefinition category = context.categorySlug() == null ? null
				: catalog.category(context.categorySlug()).orElse(null);
		String elements = category == null ? "-"
				: category.elements().stream().map(ElementDefinition::nameEs).collect(Collectors.joining(", "));
		List<String> lines = window.stream().map(l -> clip(l, LINE_CHARS)).toList();
		String caseFields = caseFields(context);
		// Counted piece by piece, each piece once: the template's fixed text is counted when the prompt is
		// loaded, and dropping a line subtracts its count instead of rendering and counting the whole prompt
		// again (which was a tenth of a turn's CPU). BPE counts are additive to within a token per seam.
		int[] lineTokens = lines.stream().mapToInt(line -> count(line) + 1).toArray();
		int elementTokens = remembered(elements);
		int tokens = templateTokens + count(user) + remembered(tools.toString()) + 2 * MESSAGE_OVERHEAD
				+ remembered(context.phase().name()) + remembered(categoryName(category))
				+ count(names(category, context.selectedItems())) + count(pending(category, context.pendingUmbrellas()))
				+ elementTokens + (factBlock.isEmpty() ? 1 : remembered(factBlock)) + Math.max(1, IntStream.of(lineTokens).sum())
				+ remembered(caseFields);
		int first = 0;
		boolean withElements = true;
		while (tokens > maxTokens && (first < lines.size() || withElements)) {
			if (first < lines.size()) {
				tokens -= lineTokens[first++];
			}
			else {
				withElements = false;
				tokens -= elementTokens - 1;
			}
		}
		String system = render(context, category, lines.subList(first, lines.size()), withElements ? elements : "-",
				factBlock, caseFields);
		return new Built(system, user, tokens, factBlock);
	}

	static int count(String text) {
		return TOKENS.countTokensOrdinary(text);
	}

	/**
	 * The tokens of a piece that recurs on every turn, remembered: the tool sets (by phase and FAQ keys),
	 * a category's element list, the phase. Counting them each time was a tenth of a turn's CPU.
	 */
	private int remembered(String piece) {
		if (counted.size() > 256) {
			counted.clear();
		}
		return counted.computeIfAbsent(piece, UnderstandingPrompt::count);
	}

	private String render(UnderstandingContext context, CategoryDefinition category, List<String> window,
			String elements, String facts, String caseFields) {
		return template.replace("{{phase}}", context.phase().name())
			.replace("{{category}}", categoryName(category))
			.replace("{{selected}}", names(category, context.selectedItems()))
			.replace("{{pending}}", pending(category, context.pendingUmbrellas()))
			.replace("{{elements}}", elements)
			.replace("{{case_fields}}", caseFields)
			.replace("{{facts}}", facts.isEmpty() ? "-" : facts)
			.replace("{{window}}", window.isEmpty() ? "-" : String.join("\n", window));
	}

	/**
	 * The fields the case asks now, one line each: key, question, what kind of value, an example. Never
	 * dropped to fit: without them the model cannot read the answer the customer is giving.
	 */
	static String caseFields(UnderstandingContext context) {
		OpenFields open = context.caseFields();
		if (context.phase() != Phase.COLLECTING_CASE || open == null || open.fields().isEmpty()) {
			return "ninguno";
		}
		return open.subject() + open.fields().stream().map(f -> "\n  - " + f.key() + ": " + f.labelEs() + " (" + kind(f)
				+ (f.example() == null ? "" : "; p. ej. " + f.example()) + ")").collect(Collectors.joining());
	}

	private static String kind(FieldSpec field) {
		switch (field.type()) {
			case NUMBER:
				return "número";
			case BOOLEAN:
				return "sí o no";
			case SELECT:
				// Fifty provinces would cost more than they help: the case flow matches the customer's spelling.
				return field.options().size() <= MAX_OPTIONS ? "una de: " + String.join(" | ", field.options())
						: "una opción, p. ej. " + String.join(", ", field.options().subList(0, 3));
			default:
				return "texto";
		}
	}

	private static String categoryName(CategoryDefinition category) {
		return category == null ? "sin tarifa" : category.nameEs();
	}

	private static String names(CategoryDefinition category, List<String> codes) {
		if (codes.isEmpty() || category == null) {
			return "nada";
		}
		return codes.stream().map(code -> category.elements().stream()
				.flatMap(e -> e.code().equals(code) ? java.util.stream.Stream.of(e.nameEs())
						: e.variant(code).map(v -> e.nameEs() + " (" + v.nameEs() + ")").stream())
				.findFirst().orElse(code))
			.collect(Collectors.joining(", "));
	}

	private static String pending(CategoryDefinition category, List<String> umbrellas) {
		if (umbrellas.isEmpty() || category == null) {
			return "ninguna";
		}
		return umbrellas.stream().map(code -> category.element(code)
				.map(e -> e.nameEs() + ": " + e.variantQuestionEs())
				.orElse(code))
			.collect(Collectors.joining("; "));
	}

	private static String clip(String text, int chars) {
		String flat = text.replace('\n', ' ').strip();
		return flat.length() <= chars ? flat : flat.substring(0, chars) + "…";
	}

}
