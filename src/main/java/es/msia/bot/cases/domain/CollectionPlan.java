package es.msia.bot.cases.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldCondition;
import es.msia.bot.catalog.FieldSpec;

/**
 * The deterministic order in which a case is collected: for each item its photos then its required
 * fields (respecting {@code when} conditions and the reserved {@code variant} key), the base documents,
 * known personal data to confirm (or the personal fields), the vehicle fields, the workshop choice (and
 * the own workshop's fields), and the summary. Pure: no I/O, no clock.
 */
public final class CollectionPlan {

	/** At most this many fields are asked in one message. */
	static final int MAX_FIELDS_PER_MESSAGE = 3;

	private final CategoryDefinition category;

	private final CaseDataDefinition caseData;

	public CollectionPlan(CategoryDefinition category, CaseDataDefinition caseData) {
		this.category = category;
		this.caseData = caseData;
	}

	public CategoryDefinition category() {
		return category;
	}

	public CaseDataDefinition caseData() {
		return caseData;
	}

	/** The next thing to ask; {@link Step.Summary} once everything required is there. */
	public Step next(CaseData data) {
		for (CaseItem item : data.items()) {
			List<String> lines = photoLines(item);
			if (!lines.isEmpty() && !data.slotsDone().contains(item.scope())) {
				return new Step.Photos(item.scope(), item.nameEs(), lines, expectedPhotos(lines));
			}
			List<FieldSpec> pending = pending(fields(item.scope()), item.fields(), item.variantCode(), data);
			if (!pending.isEmpty()) {
				return new Step.Fields(item.scope(), item.nameEs(), pending);
			}
		}
		for (BaseDocument document : category.baseDocuments()) {
			if (!data.slotsDone().contains(documentSlot(document))) {
				return new Step.Document(documentSlot(document), document, expectedPages(document),
						fold(document.instructionEs()).startsWith("solo si"));
			}
		}
		if (data.personalKnown()) {
			return new Step.ConfirmKnown();
		}
		List<FieldSpec> personal = pending(caseData.personal(), data.personal(), null, data);
		if (!personal.isEmpty()) {
			return new Step.Fields("personal", "personal", personal);
		}
		List<FieldSpec> vehicle = pending(caseData.vehicle(), data.vehicle(), null, data);
		if (!vehicle.isEmpty()) {
			return new Step.Fields("vehicle", "vehicle", vehicle);
		}
		if (data.workshopMode() == null) {
			return new Step.WorkshopChoice();
		}
		List<FieldSpec> workshop = "own".equals(data.workshopMode())
				? pending(caseData.workshop().ownWorkshopFields(), data.workshop(), null, data) : List.of();
		return workshop.isEmpty() ? new Step.Summary() : new Step.Fields("workshop", "workshop", workshop);
	}

	/**
	 * Everything still missing before the case can be sent to review, in the order it will be asked (not
	 * only the next step): photos and fields of each item, documents, personal, vehicle and workshop data.
	 * Every required field that applies counts, not only the group the next question holds.
	 */
	public List<Line> missing(CaseData data) {
		List<Line> out = new ArrayList<>();
		for (CaseItem item : data.items()) {
			if (!photoLines(item).isEmpty() && !data.slotsDone().contains(item.scope())) {
				out.add(Line.of("missing.photos", item.nameEs()));
			}
			List<String> labels = missingLabels(fields(item.scope()), item.fields(), item.variantCode());
			if (!labels.isEmpty()) {
				out.add(Line.of("missing.fields", item.nameEs(), String.join(", ", labels)));
			}
		}
		for (BaseDocument document : category.baseDocuments()) {
			if (!data.slotsDone().contains(documentSlot(document))) {
				out.add(Line.of("missing.document", document.nameEs()));
			}
		}
		if (data.personalKnown()) {
			out.add(Line.of("missing.confirmKnown"));
		}
		else {
			List<String> personal = missingLabels(caseData.personal(), data.personal(), null);
			if (!personal.isEmpty()) {
				out.add(Line.of("missing.personal", String.join(", ", personal)));
			}
		}
		List<String> vehicle = missingLabels(caseData.vehicle(), data.vehicle(), null);
		if (!vehicle.isEmpty()) {
			out.add(Line.of("missing.vehicle", String.join(", ", vehicle)));
		}
		if (data.workshopMode() == null) {
			out.add(Line.of("missing.workshopChoice"));
		}
		else if ("own".equals(data.workshopMode())) {
			List<String> workshop = missingLabels(caseData.workshop().ownWorkshopFields(), data.workshop(), null);
			if (!workshop.isEmpty()) {
				out.add(Line.of("missing.workshop", String.join(", ", workshop)));
			}
		}
		return out;
	}

	private static List<String> missingLabels(List<FieldSpec> specs, Map<String, String> values, String variantCode) {
		return specs.stream()
			.filter(f -> f.required() && !values.containsKey(f.key()) && applies(f, values, variantCode))
			// «¿Cambia la altura?» is asked as a question; in a list it reads as an item.
			.map(f -> f.labelEs().replace("¿", "").replace("?", "").strip())
			.toList();
	}

	/**
	 * Whether a text names a part of this category's catalogue by one of its multi-letter keywords ("el
	 * escape", "los intermitentes"): used to tell words about the modification from personal or vehicle
	 * data. Keywords are compared as whole words, folded.
	 */
	public boolean namesAPart(String text) {
		String folded = " " + fold(text).replaceAll("[^a-z0-9ñ]+", " ") + " ";
		return partWords().stream().anyMatch(k -> folded.contains(" " + k + " "));
	}

	private List<String> partWords() {
		if (partWords == null) {
			List<String> words = new ArrayList<>();
			for (ElementDefinition element : category.elements()) {
				for (String keyword : element.keywords()) {
					String k = fold(keyword).replaceAll("[^a-z0-9ñ]+", " ").trim();
					// Short or generic keywords ("led", "wp", "kn") also occur in names and models.
					if (k.length() >= 6 && !k.matches(".*[0-9].*")) {
						words.add(k);
					}
				}
			}
			partWords = List.copyOf(words);
		}
		return partWords;
	}

	private List<String> partWords;

	/** The field specs of a scope. */
	public List<FieldSpec> fields(String scope) {
		switch (scope) {
			case "personal":
				return caseData.personal();
			case "vehicle":
				return caseData.vehicle();
			case "workshop":
				return caseData.workshop().ownWorkshopFields();
			default:
				return element(scope.substring("item:".length())).requiredFields();
		}
	}

	/** Whether a field applies given the record's values (and the item's variant). */
	public static boolean applies(FieldSpec spec, Map<String, String> values, String variantCode) {
		FieldCondition when = spec.when();
		if (when == null) {
			return true;
		}
		if (FieldCondition.VARIANT_FIELD.equals(when.field())) {
			return variantCode != null && when.isSatisfiedBy(variantCode);
		}
		String value = values.get(when.field());
		return value != null && when.isSatisfiedBy(value);
	}

	/** The element that defines an item's fields and photos (the umbrella for a variant). */
	public ElementDefinition element(String itemCode) {
		return category.elements().stream()
			.filter(e -> e.code().equals(itemCode) || e.variant(itemCode).isPresent())
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown item " + itemCode));
	}

	/** The photo lines that apply to an item: variant-specific lines only for their variant. */
	public List<String> photoLines(CaseItem item) {
		List<String> lines = new ArrayList<>();
		for (String line : element(item.code()).photosEs()) {
			String prefix = prefix(line);
			if (prefix == null || conditional(prefix) || item.variantCode() == null
					|| fold(item.nameEs()).contains(fold(prefix)) || fold(item.nameEs()).contains(fold(prefix).split(" ")[0])) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** How many files complete a slot ({@code item:X} or {@code doc:Y}); 0 for any other slot. */
	public int expectedFiles(String slot, CaseData data) {
		if (slot.startsWith("item:")) {
			List<String> lines = photoLines(data.item(slot));
			return lines.isEmpty() ? 0 : expectedPhotos(lines);
		}
		return category.baseDocuments().stream().filter(d -> documentSlot(d).equals(slot)).findFirst()
			.map(CollectionPlan::expectedPages).orElse(0);
	}

	private List<FieldSpec> pending(List<FieldSpec> specs, Map<String, String> values, String variantCode, CaseData data) {
		// After a misunderstanding the fields go one at a time, so that an answer cannot be misplaced.
		int max = data.progress().oneAtATime() ? 1 : MAX_FIELDS_PER_MESSAGE;
		List<FieldSpec> group = new ArrayList<>();
		for (FieldSpec spec : specs) {
			if (!spec.required() || values.containsKey(spec.key()) || !applies(spec, values, variantCode)) {
				continue;
			}
			if (ownMessage(spec) && !group.isEmpty()) {
				break;
			}
			group.add(spec);
			if (ownMessage(spec)) {
				break;
			}
			if (group.size() == max || isGate(spec, specs)) {
				break;
			}
		}
		return group;
	}

	/**
	 * A free-text answer that holds commas ("Gilles, aluminio") cannot share a comma-separated message with
	 * other answers, so it is asked on its own. Addresses can: their floor and door are recognised.
	 */
	private static boolean ownMessage(FieldSpec spec) {
		return spec.example() != null && spec.example().contains(",") && !spec.key().endsWith("calle")
				&& !spec.key().endsWith("domicilio");
	}

	private static boolean isGate(FieldSpec spec, List<FieldSpec> specs) {
		return specs.stream().anyMatch(s -> s.when() != null && s.when().field().equals(spec.key()));
	}

	private static int expectedPhotos(List<String> lines) {
		long counted = lines.stream().filter(l -> !conditional(l)).count();
		return (int) Math.max(1, counted);
	}

	private static int expectedPages(BaseDocument document) {
		String name = fold(document.nameEs());
		return name.startsWith("cuatro") ? 4 : name.startsWith("dos") ? 2 : 1;
	}

	public static String documentSlot(BaseDocument document) {
		return "doc:" + document.code();
	}

	private static String prefix(String line) {
		int colon = line.indexOf(':');
		return colon > 0 && colon <= 40 ? line.substring(0, colon) : null;
	}

	private static boolean conditional(String text) {
		String folded = fold(text.contains(":") && prefix(text) != null ? prefix(text) : text);
		if (prefix(text) != null && fold(text.substring(text.indexOf(':') + 1)).startsWith("si ")) {
			return true;
		}
		return folded.startsWith("si ") || folded.startsWith("con ");
	}

	static String fold(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "").trim();
	}

}
