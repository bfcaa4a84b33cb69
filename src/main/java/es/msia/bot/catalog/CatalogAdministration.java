package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import es.msia.bot.catalog.jdbc.AuditEntry;
import es.msia.bot.catalog.jdbc.CatalogEditRejected;
import es.msia.bot.catalog.jdbc.CatalogEdits;
import es.msia.bot.catalog.jdbc.CatalogRowNotFound;
import es.msia.bot.catalog.jdbc.CatalogTable;
import es.msia.bot.catalog.jdbc.UploadedImages;
import es.msia.bot.catalog.seed.FieldsJson;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * The catalogue edits the panel offers, through the same audited edit service as the admin API: each
 * change is validated against the whole catalogue, recorded in {@code catalog_audit} with its author, and
 * in force for the next quote. Any audited change can be reverted, which is itself an audited change.
 */
@Service
public class CatalogAdministration {

	/** Largest example image accepted from the panel. */
	public static final int MAX_IMAGE_BYTES = 5 * 1024 * 1024;

	private static final Pattern CODE = Pattern.compile("[A-Z0-9_]+");

	private static final tools.jackson.databind.json.JsonMapper AUDIT_JSON = tools.jackson.databind.json.JsonMapper.builder()
		.build();

	/** One audited change (JSON row images before and after). */
	public record Change(long id, String table, String rowKey, String action, String changedBy, Instant changedAt,
			@Nullable String before, @Nullable String after) {

		/** Whether the panel can revert it (the seed summary and catalogue metadata cannot be). */
		public boolean revertible() {
			return !"seed".equals(this.action) && !"catalog_meta".equals(this.table);
		}

		/** For an update, the columns whose value it changed (so a reader need not compare two JSON rows). */
		public List<String> changedFields() {
			if (this.before == null || this.after == null) {
				return List.of();
			}
			tools.jackson.databind.JsonNode old = AUDIT_JSON.readTree(this.before);
			tools.jackson.databind.JsonNode now = AUDIT_JSON.readTree(this.after);
			List<String> changed = new ArrayList<>();
			now.propertyNames().forEach(name -> {
				if (!now.get(name).equals(old.get(name))) {
					changed.add(name);
				}
			});
			return changed;
		}

	}

	/**
	 * One problem of a rejected edit.
	 *
	 * @param field the form field at fault ({@code catalog} when it is the catalogue as a whole)
	 * @param message what is wrong, in Spanish
	 */
	public record Problem(String field, String message) {
	}

	/** Thrown when the edited catalogue would be inconsistent; {@link #problems()} lists why, per field. */
	public static final class EditRejected extends RuntimeException {

		private final List<Problem> problems;

		EditRejected(String message) {
			this(List.of(new Problem("catalog", message)));
		}

		EditRejected(List<Problem> problems) {
			super(problems.stream().map(p -> p.field() + ": " + p.message()).collect(Collectors.joining("; ")));
			this.problems = List.copyOf(problems);
		}

		public List<Problem> problems() {
			return this.problems;
		}

		/** Problems by field (the first message of each field). */
		public Map<String, String> byField() {
			return this.problems.stream()
				.collect(Collectors.toMap(Problem::field, Problem::message, (a, b) -> a, java.util.LinkedHashMap::new));
		}

	}

	private final CatalogEdits edits;

	private final UploadedImages images;

	CatalogAdministration(CatalogEdits edits, UploadedImages images) {
		this.edits = edits;
		this.images = images;
	}

	/**
	 * Sets a tier's price (euros, VAT excluded).
	 * @throws EditRejected when the price is not positive or the catalogue rejects the change
	 */
	public void setTierPrice(String actor, String categorySlug, String tierCode, BigDecimal price) {
		if (price.signum() <= 0) {
			throw new EditRejected(List.of(new Problem("price", "el precio debe ser mayor que cero")));
		}
		apply(() -> edits.updateTier(actor, categorySlug, tierCode,
				tier -> new TierDefinition(tier.code(), tier.nameEs(), price, tier.requiresProject(), tier.admits(),
						tier.includesEs(), tier.turnaroundEs())));
	}

	/** Replaces a tier's name, price, texts and admitted caps (its code is the key and does not change). */
	public void updateTier(String actor, String categorySlug, TierDefinition tier) {
		List<Problem> problems = new ArrayList<>();
		required(problems, "nameEs", tier.nameEs());
		if (tier.price() == null || tier.price().signum() <= 0) {
			problems.add(new Problem("price", "el precio debe ser mayor que cero"));
		}
		tier.admits().forEach((group, cap) -> {
			if (cap != null && cap < 0) {
				problems.add(new Problem("admits." + group, "el máximo no puede ser negativo"));
			}
		});
		reject(problems);
		apply(() -> edits.updateTier(actor, categorySlug, tier.code(), current -> tier));
	}

	/** Adds an element (with its variants, warnings, fields, photos and images). */
	public void createElement(String actor, String categorySlug, ElementDefinition element) {
		reject(check(element));
		apply(() -> edits.createElement(actor, categorySlug, element));
	}

	/** Replaces an existing element with everything attached to it. */
	public void updateElement(String actor, String categorySlug, ElementDefinition element) {
		reject(check(element));
		apply(() -> edits.updateElement(actor, categorySlug, element));
	}

	/** Deletes an element with its variants and everything attached to it. */
	public void deleteElement(String actor, String categorySlug, String code) {
		apply(() -> edits.deleteElement(actor, categorySlug, code));
	}

	/** Adds or replaces a category- or tier-scoped warning. */
	public void saveWarning(String actor, String categorySlug, CatalogWarning warning) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", warning.code());
		required(problems, "textEs", warning.textEs());
		if (!warning.scope().equals("category") && !warning.scope().matches("tier:[A-Z0-9_]+")) {
			problems.add(new Problem("scope", "ámbito no válido: " + warning.scope()));
		}
		reject(problems);
		apply(() -> edits.saveWarning(actor, categorySlug, warning));
	}

	/** Adds or replaces an optional extra. */
	public void saveExtra(String actor, String categorySlug, ExtraDefinition extra) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", extra.code());
		required(problems, "nameEs", extra.nameEs());
		if (extra.price() != null && extra.price().signum() <= 0) {
			problems.add(new Problem("price", "el precio debe ser mayor que cero"));
		}
		if (extra.price() == null && (extra.priceTextEs() == null || extra.priceTextEs().isBlank())) {
			problems.add(new Problem("price", "indica un precio o un texto de precio"));
		}
		if (!extra.unit().equals("per_case") && !extra.unit().equals("per_hour")) {
			problems.add(new Problem("unit", "unidad no válida"));
		}
		reject(problems);
		apply(() -> edits.saveExtra(actor, categorySlug, extra));
	}

	/** Adds or replaces a base document. */
	public void saveDocument(String actor, String categorySlug, BaseDocument document) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", document.code());
		required(problems, "nameEs", document.nameEs());
		if (document.exampleImage() != null && document.exampleImage().contains("..")) {
			problems.add(new Problem("exampleImage", "ruta no válida"));
		}
		reject(problems);
		apply(() -> edits.saveDocument(actor, categorySlug, document));
	}

	/** Changes a category's display name and scope note. */
	public void updateCategory(String actor, String categorySlug, String nameEs, String scopeNoteEs) {
		List<Problem> problems = new ArrayList<>();
		required(problems, "nameEs", nameEs);
		reject(problems);
		apply(() -> edits.updateCategory(actor, categorySlug, nameEs.strip(), scopeNoteEs == null ? "" : scopeNoteEs.strip()));
	}

	/** Adds a group (a tier's list) or changes its name and description. */
	public void saveGroup(String actor, String categorySlug, GroupDefinition group) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", group.code());
		required(problems, "nameEs", group.nameEs());
		reject(problems);
		apply(() -> edits.saveGroup(actor, categorySlug, group));
	}

	/** Deletes a group that nothing uses. */
	public void deleteGroup(String actor, String categorySlug, String code) {
		apply(() -> edits.deleteGroup(actor, categorySlug, code));
	}

	/** Adds or replaces a surcharge (tiers it applies to, elements that trigger it). */
	public void saveSurcharge(String actor, String categorySlug, SurchargeDefinition surcharge) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", surcharge.code());
		required(problems, "nameEs", surcharge.nameEs());
		if (surcharge.price() == null || surcharge.price().signum() <= 0) {
			problems.add(new Problem("price", "el precio debe ser mayor que cero"));
		}
		if (surcharge.appliesTo().isEmpty()) {
			problems.add(new Problem("appliesTo", "indica al menos una tarifa"));
		}
		reject(problems);
		apply(() -> edits.saveSurcharge(actor, categorySlug, surcharge));
	}

	/** Deletes a surcharge. */
	public void deleteSurcharge(String actor, String categorySlug, String code) {
		apply(() -> edits.delete(actor, categorySlug, CatalogTable.SURCHARGES, code));
	}

	/** Deletes a category/tier warning. */
	public void deleteWarning(String actor, String categorySlug, String code) {
		apply(() -> edits.delete(actor, categorySlug, CatalogTable.WARNINGS, code));
	}

	/** Deletes an optional extra. */
	public void deleteExtra(String actor, String categorySlug, String code) {
		apply(() -> edits.delete(actor, categorySlug, CatalogTable.EXTRAS, code));
	}

	/** Deletes a base document. */
	public void deleteDocument(String actor, String categorySlug, String code) {
		apply(() -> edits.delete(actor, categorySlug, CatalogTable.BASE_DOCUMENTS, code));
	}

	/**
	 * Stores an example image after checking by its first bytes that it really is a PNG, JPEG or WebP
	 * (the file name and declared type are not trusted), and returns its catalogue path
	 * ({@code Imagenes/Subidas/...}) to put in an element's example images or a base document.
	 */
	public String uploadExampleImage(String actor, byte[] bytes) {
		if (bytes.length == 0 || bytes.length > MAX_IMAGE_BYTES) {
			throw new EditRejected(List.of(new Problem("image", "la imagen debe ocupar entre 1 byte y 5 MB")));
		}
		UploadedImages.ImageType type = UploadedImages.sniff(bytes)
			.orElseThrow(() -> new EditRejected(List.of(new Problem("image", "solo se admiten imágenes PNG, JPEG o WebP"))));
		return "Imagenes/" + images.store(actor, type, bytes);
	}

	/** An example image's bytes and media type. */
	public record ExampleImage(String contentType, byte[] bytes) {
	}

	/**
	 * An example image by its catalogue path ({@code Imagenes/...}), seed slide or upload, for the panel's
	 * previews (the public images endpoint lives on the API port).
	 */
	public Optional<ExampleImage> exampleImage(String catalogPath) {
		String relative = catalogPath.startsWith("Imagenes/") ? catalogPath.substring("Imagenes/".length()) : catalogPath;
		if (relative.isEmpty() || relative.contains("\\") || relative.contains(":")
				|| java.util.Arrays.stream(relative.split("/", -1)).anyMatch(p -> p.isEmpty() || p.equals(".") || p.equals(".."))) {
			return Optional.empty();
		}
		if (relative.startsWith(UploadedImages.FOLDER)) {
			return images.find(relative).map(i -> new ExampleImage(i.contentType(), i.bytes()));
		}
		org.springframework.core.io.ClassPathResource resource = new org.springframework.core.io.ClassPathResource(
				"catalog/images/" + relative);
		if (!resource.isReadable()) {
			return Optional.empty();
		}
		try (java.io.InputStream in = resource.getInputStream()) {
			byte[] bytes = in.readAllBytes();
			return UploadedImages.sniff(bytes).map(type -> new ExampleImage(type.contentType(), bytes));
		}
		catch (java.io.IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * Reverts one audited change: restores its before-image (deletes what it inserted, re-inserts what it
	 * deleted), as a new audited change by {@code actor}.
	 * @throws EditRejected when the row has changed since, or the restored catalogue would be inconsistent
	 */
	public void revert(String actor, long changeId) {
		apply(() -> edits.revert(actor, changeId));
	}

	/** One audited change. */
	public Optional<Change> change(long id) {
		return edits.findAudit(id).map(CatalogAdministration::change);
	}

	/** The newest audited changes first. */
	public List<Change> audit(int limit) {
		return edits.audit(limit).stream().map(CatalogAdministration::change).toList();
	}

	/**
	 * Parses required fields written in the catalogue JSON format.
	 * @throws EditRejected (field {@code requiredFields}) when the text is not a valid field list
	 */
	public List<FieldSpec> fieldsFromJson(String json) {
		try {
			return FieldsJson.parse(json);
		}
		catch (RuntimeException ex) {
			throw new EditRejected(List.of(new Problem("requiredFields", ex.getMessage())));
		}
	}

	/** Required fields in the catalogue JSON format, for editing. */
	public String fieldsToJson(List<FieldSpec> fields) {
		return FieldsJson.write(fields);
	}

	private static Change change(AuditEntry e) {
		return new Change(e.id(), e.table(), e.rowKey(), e.action(), e.changedBy(), e.changedAt(), e.before(), e.after());
	}

	private static List<Problem> check(ElementDefinition element) {
		List<Problem> problems = new ArrayList<>();
		code(problems, "code", element.code());
		required(problems, "nameEs", element.nameEs());
		if (element.keywords().isEmpty()) {
			problems.add(new Problem("keywords", "hace falta al menos una palabra clave"));
		}
		for (VariantDefinition v : element.variants()) {
			code(problems, "variants", v.code());
			required(problems, "variants", v.nameEs());
		}
		if (!element.variants().isEmpty() && (element.variantQuestionEs() == null || element.variantQuestionEs().isBlank())) {
			problems.add(new Problem("variantQuestionEs", "un elemento con variantes necesita la pregunta que las distingue"));
		}
		for (CatalogWarning w : element.warnings()) {
			code(problems, "warnings", w.code());
			required(problems, "warnings", w.textEs());
		}
		for (FieldSpec f : element.requiredFields()) {
			if (!f.key().matches("[a-z0-9_]+")) {
				problems.add(new Problem("requiredFields", "clave no válida (minúsculas, cifras y _): " + f.key()));
			}
			if (f.type() == FieldType.SELECT && f.options().isEmpty()) {
				problems.add(new Problem("requiredFields", "el campo " + f.key() + " es de lista y no tiene opciones"));
			}
		}
		element.exampleImages().stream()
			.filter(path -> path.contains(".."))
			.forEach(path -> problems.add(new Problem("exampleImages", "ruta no válida: " + path)));
		return problems;
	}

	private static void code(List<Problem> problems, String field, @Nullable String code) {
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new Problem(field, "código no válido (mayúsculas, cifras y _): " + code));
		}
	}

	private static void required(List<Problem> problems, String field, @Nullable String text) {
		if (text == null || text.isBlank()) {
			problems.add(new Problem(field, "no puede quedar vacío"));
		}
	}

	private static void reject(List<Problem> problems) {
		if (!problems.isEmpty()) {
			throw new EditRejected(problems);
		}
	}

	// The edit service speaks in its own exceptions; the panel gets one kind, with problems per field.
	private static void apply(Runnable edit) {
		try {
			edit.run();
		}
		catch (CatalogEditRejected ex) {
			throw new EditRejected(ex.problems().stream().map(p -> new Problem(field(p.field()), p.message())).toList());
		}
		catch (CatalogRowNotFound ex) {
			throw new EditRejected("no existe: " + ex.getMessage());
		}
		catch (DataIntegrityViolationException ex) {
			throw new EditRejected("la base de datos rechaza el cambio: " + rootMessage(ex));
		}
	}

	// CatalogEdits names some fields after its request shape ("variants.code"); the form has one box each.
	private static String field(String field) {
		int dot = field.indexOf('.');
		return (dot > 0 && !field.startsWith("admits.")) ? field.substring(0, dot) : field;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		return message.lines().findFirst().orElse(message);
	}

}
