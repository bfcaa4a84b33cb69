package es.msia.bot.admin.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.WarningSeverity;
import org.jspecify.annotations.Nullable;

/**
 * The element editor's form: lists as one entry per line, variants and warnings as {@code |}-separated
 * columns, required fields as the catalogue's JSON. It keeps the text as typed so a rejected form comes
 * back exactly as the user left it.
 */
record ElementForm(@Nullable String code, @Nullable String nameEs, @Nullable String group, @Nullable String keywords,
		@Nullable String aliases, @Nullable String variantQuestionEs, @Nullable String variants,
		@Nullable String warnings, @Nullable String requiredFields, @Nullable String photos,
		@Nullable String exampleImages) {

	static ElementForm of(ElementDefinition e, CatalogAdministration administration) {
		return new ElementForm(e.code(), e.nameEs(), e.group(), String.join("\n", e.keywords()),
				String.join("\n", e.aliases()), e.variantQuestionEs(),
				String.join("\n", e.variants().stream()
					.map(v -> v.code() + " | " + v.nameEs() + " | " + v.group() + " | " + String.join(", ", v.keywords()))
					.toList()),
				String.join("\n", e.warnings().stream()
					.map(w -> w.code() + " | " + w.severity().name().toLowerCase(java.util.Locale.ROOT) + " | " + w.textEs())
					.toList()),
				administration.fieldsToJson(e.requiredFields()), String.join("\n", e.photosEs()),
				String.join("\n", e.exampleImages()));
	}

	static ElementForm empty(String group) {
		return new ElementForm("", "", group, "", "", "", "", "", "[]", "", "");
	}

	/** The form with one more example image path. */
	ElementForm withImage(String path) {
		String images = (exampleImages == null || exampleImages.isBlank()) ? path : exampleImages.strip() + "\n" + path;
		return new ElementForm(code, nameEs, group, keywords, aliases, variantQuestionEs, variants, warnings,
				requiredFields, photos, images);
	}

	/**
	 * The element the form describes.
	 * @throws CatalogAdministration.EditRejected naming the boxes whose lines cannot be read
	 */
	ElementDefinition toDefinition(String elementCode, CatalogAdministration administration) {
		List<CatalogAdministration.Problem> problems = new ArrayList<>();
		List<VariantDefinition> variantList = new ArrayList<>();
		List<String> variantLines = lines(variants);
		for (int i = 0; i < variantLines.size(); i++) {
			String[] cols = columns(variantLines.get(i), 4);
			if (cols == null) {
				problems.add(new CatalogAdministration.Problem("variants",
						"línea " + (i + 1) + ": escribe CÓDIGO | Nombre | GRUPO | palabras, clave"));
				continue;
			}
			variantList.add(new VariantDefinition(cols[0], cols[1], cols[2], commaList(cols[3])));
		}
		List<CatalogWarning> warningList = new ArrayList<>();
		List<String> warningLines = lines(warnings);
		for (int i = 0; i < warningLines.size(); i++) {
			String[] cols = columns(warningLines.get(i), 3);
			if (cols == null || !cols[1].matches("info|warning")) {
				problems.add(new CatalogAdministration.Problem("warnings",
						"línea " + (i + 1) + ": escribe CÓDIGO | info o warning | texto"));
				continue;
			}
			warningList.add(new CatalogWarning(cols[0], WarningSeverity.fromCode(cols[1]), cols[2],
					CatalogWarning.ELEMENT_SCOPE));
		}
		List<es.msia.bot.catalog.FieldSpec> fields = List.of();
		try {
			fields = administration.fieldsFromJson(requiredFields == null ? "" : requiredFields);
		}
		catch (CatalogAdministration.EditRejected ex) {
			problems.addAll(ex.problems());
		}
		if (!problems.isEmpty()) {
			throw new FormRejected(problems);
		}
		String question = (variantQuestionEs == null || variantQuestionEs.isBlank()) ? null : variantQuestionEs.strip();
		return new ElementDefinition(elementCode, text(nameEs), text(group), lines(keywords), lines(aliases), question,
				variantList, warningList, fields, lines(photos), lines(exampleImages));
	}

	static List<String> lines(@Nullable String text) {
		if (text == null) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	private static List<String> commaList(String text) {
		return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

	private static String @Nullable [] columns(String line, int count) {
		String[] cols = line.split("\\|", count);
		if (cols.length != count) {
			return null;
		}
		for (int i = 0; i < cols.length; i++) {
			cols[i] = cols[i].strip();
		}
		return cols;
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

	/** Lines the form could not read; reported like the catalogue's own problems. */
	static final class FormRejected extends RuntimeException {

		private final List<CatalogAdministration.Problem> problems;

		FormRejected(List<CatalogAdministration.Problem> problems) {
			super(problems.toString());
			this.problems = problems;
		}

		List<CatalogAdministration.Problem> problems() {
			return problems;
		}

	}

}
