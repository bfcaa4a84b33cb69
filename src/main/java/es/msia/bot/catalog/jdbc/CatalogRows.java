package es.msia.bot.catalog.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes catalogue records to the tables, shared by the seed and the admin edits so both store a
 * record the same way. Upserts go through {@code ON CONFLICT} so the audit trigger sees an update, not
 * a delete followed by an insert; the children of a row (admits, fields, photos...) are replaced.
 */
@Component
class CatalogRows {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CatalogRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insertCategory(CategoryDefinition c, int position) {
		this.jdbc.sql("""
				INSERT INTO catalog_categories (slug, vehicle_type, client_type, name_es, scope_note_es, position)
				VALUES (:slug, :vehicle, :client, :name, :scope, :position)""")
			.param("slug", c.slug())
			.param("vehicle", c.vehicleType().code())
			.param("client", c.clientType().code())
			.param("name", c.nameEs())
			.param("scope", c.scopeNoteEs())
			.param("position", position)
			.update();
		for (int i = 0; i < c.groups().size(); i++) {
			insertGroup(c.slug(), c.groups().get(i), i);
		}
		for (int i = 0; i < c.tiers().size(); i++) {
			upsertTier(c.slug(), c.tiers().get(i), i);
		}
		c.elements().forEach((e) -> upsertElement(c.slug(), e));
		c.surcharges().forEach((s) -> upsertSurcharge(c.slug(), s));
		c.extras().forEach((x) -> upsertExtra(c.slug(), x));
		c.baseDocuments().forEach((d) -> upsertDocument(c.slug(), d));
		c.warnings().forEach((w) -> upsertWarning(c.slug(), w, null));
	}

	private void insertGroup(String category, GroupDefinition g, int position) {
		this.jdbc.sql("""
				INSERT INTO catalog_groups (category, code, name_es, description_es, position)
				VALUES (:c, :code, :name, :description, :position)""")
			.param("c", category)
			.param("code", g.code())
			.param("name", g.nameEs())
			.param("description", g.descriptionEs())
			.param("position", position)
			.update();
	}

	/** Changes a category's display texts (its slug, vehicle and client type are its identity). */
	void updateCategory(String slug, String nameEs, String scopeNoteEs) {
		this.jdbc.sql("UPDATE catalog_categories SET name_es = :name, scope_note_es = :scope WHERE slug = :slug")
			.param("slug", slug)
			.param("name", nameEs)
			.param("scope", scopeNoteEs)
			.update();
	}

	/** Inserts a group at the end of its category, or updates its texts. */
	void upsertGroup(String category, GroupDefinition g) {
		this.jdbc.sql("""
				INSERT INTO catalog_groups (category, code, name_es, description_es, position)
				VALUES (:c, :code, :name, :description,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_groups WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es,
				    description_es = EXCLUDED.description_es""")
			.param("c", category)
			.param("code", g.code())
			.param("name", g.nameEs())
			.param("description", g.descriptionEs())
			.update();
	}

	/** Inserts or updates a tier and replaces its admitted groups. */
	void upsertTier(String category, TierDefinition t, int position) {
		this.jdbc.sql("""
				INSERT INTO catalog_tiers (category, code, name_es, price, requires_project, includes_es,
				                           turnaround_es, position)
				VALUES (:c, :code, :name, :price, :project, :includes, :turnaround, :position)
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es, price = EXCLUDED.price,
				    requires_project = EXCLUDED.requires_project, includes_es = EXCLUDED.includes_es,
				    turnaround_es = EXCLUDED.turnaround_es""")
			.param("c", category)
			.param("code", t.code())
			.param("name", t.nameEs())
			.param("price", t.price())
			.param("project", t.requiresProject())
			.param("includes", t.includesEs())
			.param("turnaround", t.turnaroundEs())
			.param("position", position)
			.update();
		replaceAdmits(category, t.code(), t.admits());
	}

	// Only rows that really change are touched, so the audit trail shows the edit and not a rewrite.
	private void replaceAdmits(String category, String tier, Map<String, Integer> admits) {
		this.jdbc.sql("DELETE FROM catalog_tier_admits WHERE category = :c AND tier_code = :t AND NOT (group_code = ANY(:groups))")
			.param("c", category)
			.param("t", tier)
			.param("groups", admits.keySet().toArray(new String[0]))
			.update();
		int position = 0;
		for (Map.Entry<String, Integer> cap : admits.entrySet()) {
			this.jdbc.sql("""
					INSERT INTO catalog_tier_admits (category, tier_code, group_code, max_count, position)
					VALUES (:c, :t, :g, :max, :position)
					ON CONFLICT (category, tier_code, group_code) DO UPDATE SET max_count = EXCLUDED.max_count,
					    position = EXCLUDED.position
					WHERE catalog_tier_admits.max_count IS DISTINCT FROM EXCLUDED.max_count
					   OR catalog_tier_admits.position <> EXCLUDED.position""")
				.param("c", category)
				.param("t", tier)
				.param("g", cap.getKey())
				.param("max", cap.getValue(), java.sql.Types.INTEGER)
				.param("position", position++)
				.update();
		}
	}

	/** Inserts or updates an element with its variants, warnings, fields, photos and images. */
	void upsertElement(String category, ElementDefinition e) {
		upsertElementRow(category, e.code(), e.nameEs(), e.group(), e.keywords(), e.aliases(), null,
				e.variantQuestionEs());
		List<String> variantCodes = e.variants().stream().map(VariantDefinition::code).toList();
		this.jdbc.sql("DELETE FROM catalog_elements WHERE category = :c AND parent_code = :p AND NOT (code = ANY(:keep))")
			.param("c", category)
			.param("p", e.code())
			.param("keep", variantCodes.toArray(new String[0]))
			.update();
		e.variants()
			.forEach((v) -> upsertElementRow(category, v.code(), v.nameEs(), v.group(), v.keywords(), List.of(),
					e.code(), null));
		Map<String, CatalogWarning> warnings = new LinkedHashMap<>();
		e.warnings().forEach((w) -> warnings.put(w.code(), w));
		this.jdbc.sql("DELETE FROM catalog_warnings WHERE category = :c AND element_code = :e AND NOT (code = ANY(:keep))")
			.param("c", category)
			.param("e", e.code())
			.param("keep", warnings.keySet().toArray(new String[0]))
			.update();
		warnings.values()
			.forEach((w) -> upsertWarning(category,
					new CatalogWarning(w.code(), w.severity(), w.textEs(), CatalogWarning.ELEMENT_SCOPE), e.code()));
		replaceFields(category, e.code(), e.requiredFields());
		replaceLines(category, e.code(), "catalog_element_photos", "text_es", e.photosEs());
		replaceLines(category, e.code(), "catalog_element_images", "path", e.exampleImages());
	}

	private void upsertElementRow(String category, String code, String name, String group, List<String> keywords,
			List<String> aliases, @Nullable String parent, @Nullable String question) {
		this.jdbc.sql("""
				INSERT INTO catalog_elements (category, code, name_es, group_code, keywords, aliases, parent_code,
				                              variant_question_es, position)
				VALUES (:c, :code, :name, :group, :keywords, :aliases, :parent, :question,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_elements WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es, group_code = EXCLUDED.group_code,
				    keywords = EXCLUDED.keywords, aliases = EXCLUDED.aliases, parent_code = EXCLUDED.parent_code,
				    variant_question_es = EXCLUDED.variant_question_es""")
			.param("c", category)
			.param("code", code)
			.param("name", name)
			.param("group", group)
			.param("keywords", keywords.toArray(new String[0]))
			.param("aliases", aliases.toArray(new String[0]))
			.param("parent", parent, java.sql.Types.VARCHAR)
			.param("question", question, java.sql.Types.VARCHAR)
			.update();
	}

	private void replaceFields(String category, String element, List<FieldSpec> fields) {
		this.jdbc.sql("DELETE FROM catalog_element_fields WHERE category = :c AND element_code = :e")
			.param("c", category)
			.param("e", element)
			.update();
		for (int i = 0; i < fields.size(); i++) {
			FieldSpec f = fields.get(i);
			String condition = (f.when() == null) ? null
					: this.json.writeValueAsString(Map.of("field", f.when().field(), "equals", f.when().expected()));
			this.jdbc.sql("""
					INSERT INTO catalog_element_fields (category, element_code, key, label_es, type, required, options,
					    min_value, max_value, pattern, example, condition, position)
					VALUES (:c, :e, :key, :label, :type, :required, CAST(:options AS jsonb), :min, :max, :pattern,
					        :example, CAST(:condition AS jsonb), :position)""")
				.param("c", category)
				.param("e", element)
				.param("key", f.key())
				.param("label", f.labelEs())
				.param("type", f.type().name().toLowerCase(java.util.Locale.ROOT))
				.param("required", f.required())
				.param("options", this.json.writeValueAsString(f.options()))
				.param("min", f.min(), java.sql.Types.NUMERIC)
				.param("max", f.max(), java.sql.Types.NUMERIC)
				.param("pattern", f.pattern(), java.sql.Types.VARCHAR)
				.param("example", f.example(), java.sql.Types.VARCHAR)
				.param("condition", condition, java.sql.Types.VARCHAR)
				.param("position", i)
				.update();
		}
	}

	private void replaceLines(String category, String element, String table, String column, List<String> lines) {
		this.jdbc.sql("DELETE FROM " + table + " WHERE category = :c AND element_code = :e AND position >= :n")
			.param("c", category)
			.param("e", element)
			.param("n", lines.size())
			.update();
		for (int i = 0; i < lines.size(); i++) {
			this.jdbc.sql("INSERT INTO " + table + " (category, element_code, position, " + column + ") "
					+ "VALUES (:c, :e, :position, :text) ON CONFLICT (category, element_code, position) DO UPDATE SET "
					+ column + " = EXCLUDED." + column + " WHERE " + table + "." + column + " <> EXCLUDED." + column)
				.param("c", category)
				.param("e", element)
				.param("position", i)
				.param("text", lines.get(i))
				.update();
		}
	}

	void upsertSurcharge(String category, SurchargeDefinition s) {
		this.jdbc.sql("""
				INSERT INTO catalog_surcharges (category, code, name_es, price, applies_to, on_request, trigger_elements,
				                                position)
				VALUES (:c, :code, :name, :price, :applies, :onRequest, :triggers,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_surcharges WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es, price = EXCLUDED.price,
				    applies_to = EXCLUDED.applies_to, on_request = EXCLUDED.on_request,
				    trigger_elements = EXCLUDED.trigger_elements""")
			.param("c", category)
			.param("code", s.code())
			.param("name", s.nameEs())
			.param("price", s.price())
			.param("applies", s.appliesTo().toArray(new String[0]))
			.param("onRequest", s.onRequest())
			.param("triggers", s.triggerElements().toArray(new String[0]))
			.update();
	}

	void upsertExtra(String category, ExtraDefinition x) {
		this.jdbc.sql("""
				INSERT INTO catalog_extras (category, code, name_es, price, price_text_es, unit, position)
				VALUES (:c, :code, :name, :price, :text, :unit,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_extras WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es, price = EXCLUDED.price,
				    price_text_es = EXCLUDED.price_text_es, unit = EXCLUDED.unit""")
			.param("c", category)
			.param("code", x.code())
			.param("name", x.nameEs())
			.param("price", x.price(), java.sql.Types.NUMERIC)
			.param("text", x.priceTextEs(), java.sql.Types.VARCHAR)
			.param("unit", x.unit())
			.update();
	}

	void upsertDocument(String category, BaseDocument d) {
		this.jdbc.sql("""
				INSERT INTO catalog_base_documents (category, code, name_es, instruction_es, example_image, position)
				VALUES (:c, :code, :name, :instruction, :image,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_base_documents WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET name_es = EXCLUDED.name_es,
				    instruction_es = EXCLUDED.instruction_es, example_image = EXCLUDED.example_image""")
			.param("c", category)
			.param("code", d.code())
			.param("name", d.nameEs())
			.param("instruction", d.instructionEs())
			.param("image", d.exampleImage(), java.sql.Types.VARCHAR)
			.update();
	}

	/** Inserts or updates a warning; {@code element} is set for element-scoped warnings only. */
	void upsertWarning(String category, CatalogWarning w, @Nullable String element) {
		this.jdbc.sql("""
				INSERT INTO catalog_warnings (category, code, severity, text_es, scope, element_code, position)
				VALUES (:c, :code, :severity, :text, :scope, :element,
				        (SELECT coalesce(max(position) + 1, 0) FROM catalog_warnings WHERE category = :c))
				ON CONFLICT (category, code) DO UPDATE SET severity = EXCLUDED.severity, text_es = EXCLUDED.text_es,
				    scope = EXCLUDED.scope, element_code = EXCLUDED.element_code""")
			.param("c", category)
			.param("code", w.code())
			.param("severity", w.severity().name().toLowerCase(java.util.Locale.ROOT))
			.param("text", w.textEs())
			.param("scope", w.scope())
			.param("element", element, java.sql.Types.VARCHAR)
			.update();
	}

	/** Deletes one row of a code-keyed table; returns whether it existed. */
	boolean delete(CatalogTable table, String category, String code) {
		return this.jdbc.sql("DELETE FROM " + table.tableName() + " WHERE category = :c AND code = :code")
			.param("c", category)
			.param("code", code)
			.update() > 0;
	}

}
