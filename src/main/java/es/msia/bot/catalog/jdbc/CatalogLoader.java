package es.msia.bot.catalog.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.FieldCondition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.catalog.WarningSeverity;
import es.msia.bot.catalog.seed.CatalogJsonReader;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the catalogue tables back into the same records the JSON reader produces, so that the quote
 * engine and the matcher run unchanged on database data. One query per table: the whole catalogue is
 * a few hundred rows and is loaded only when the revision changes.
 */
@Component
public class CatalogLoader {

	private final JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	CatalogLoader(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The current revision, or -1 when the catalogue has not been seeded yet. */
	public int revision() {
		return this.jdbc.sql("SELECT revision FROM catalog_meta").query(Integer.class).optional().orElse(-1);
	}

	/**
	 * Loads the whole catalogue; its version is {@code base_version-rN}. One repeatable-read snapshot,
	 * so an edit committed meanwhile is either wholly in or wholly out.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public CatalogDefinition load() {
		Meta meta = this.jdbc.sql("SELECT * FROM catalog_meta")
			.query((rs, n) -> new Meta(rs.getString("base_version") + "-r" + rs.getInt("revision"),
					rs.getString("currency"), rs.getBigDecimal("vat_rate"), rs.getString("tier_selection_rule"),
					rs.getString("case_data")))
			.single();
		List<CategoryDefinition> categories = this.jdbc.sql("SELECT * FROM catalog_categories ORDER BY position")
			.query((rs, n) -> rs.getString("slug"))
			.list()
			.stream()
			.map(this::category)
			.toList();
		return new CatalogDefinition(meta.version(), meta.currency(), meta.vatRate(), categories,
				new CatalogJsonReader().caseData(meta.caseData()), meta.rule(), List.of());
	}

	private CategoryDefinition category(String slug) {
		return this.jdbc.sql("SELECT * FROM catalog_categories WHERE slug = :slug")
			.param("slug", slug)
			.query((rs, n) -> new CategoryDefinition(slug, VehicleType.fromCode(rs.getString("vehicle_type")),
					ClientType.fromCode(rs.getString("client_type")), rs.getString("name_es"),
					rs.getString("scope_note_es"), groups(slug), tiers(slug), surcharges(slug), extras(slug),
					documents(slug), scopedWarnings(slug), elements(slug)))
			.single();
	}

	private List<GroupDefinition> groups(String slug) {
		return this.jdbc.sql("SELECT * FROM catalog_groups WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new GroupDefinition(rs.getString("code"), rs.getString("name_es"),
					rs.getString("description_es")))
			.list();
	}

	private List<TierDefinition> tiers(String slug) {
		Map<String, Map<String, Integer>> admits = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM catalog_tier_admits WHERE category = :c ORDER BY tier_code, position")
			.param("c", slug)
			.query((ResultSet rs) -> {
				// NULL = unlimited; getObject keeps it (getInt would turn it into 0)
				Integer cap = rs.getObject("max_count", Integer.class);
				admits.computeIfAbsent(rs.getString("tier_code"), (t) -> new LinkedHashMap<>())
					.put(rs.getString("group_code"), cap);
			});
		return this.jdbc.sql("SELECT * FROM catalog_tiers WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new TierDefinition(rs.getString("code"), rs.getString("name_es"),
					rs.getBigDecimal("price"), rs.getBoolean("requires_project"),
					admits.getOrDefault(rs.getString("code"), Map.of()), rs.getString("includes_es"),
					rs.getString("turnaround_es")))
			.list();
	}

	private List<SurchargeDefinition> surcharges(String slug) {
		return this.jdbc.sql("SELECT * FROM catalog_surcharges WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new SurchargeDefinition(rs.getString("code"), rs.getString("name_es"),
					rs.getBigDecimal("price"), texts(rs.getArray("applies_to")), rs.getBoolean("on_request"),
					texts(rs.getArray("trigger_elements"))))
			.list();
	}

	private List<ExtraDefinition> extras(String slug) {
		return this.jdbc.sql("SELECT * FROM catalog_extras WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new ExtraDefinition(rs.getString("code"), rs.getString("name_es"),
					rs.getBigDecimal("price"), rs.getString("price_text_es"), rs.getString("unit")))
			.list();
	}

	private List<BaseDocument> documents(String slug) {
		return this.jdbc.sql("SELECT * FROM catalog_base_documents WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new BaseDocument(rs.getString("code"), rs.getString("name_es"),
					rs.getString("instruction_es"), rs.getString("example_image")))
			.list();
	}

	private List<CatalogWarning> scopedWarnings(String slug) {
		return this.jdbc
			.sql("SELECT * FROM catalog_warnings WHERE category = :c AND element_code IS NULL ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> warning(rs))
			.list();
	}

	private List<ElementDefinition> elements(String slug) {
		Map<String, List<CatalogWarning>> warnings = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM catalog_warnings WHERE category = :c AND element_code IS NOT NULL ORDER BY position")
			.param("c", slug)
			.query((ResultSet rs) -> {
				warnings.computeIfAbsent(rs.getString("element_code"), (e) -> new ArrayList<>()).add(warning(rs));
			});
		Map<String, List<FieldSpec>> fields = new LinkedHashMap<>();
		this.jdbc.sql("SELECT * FROM catalog_element_fields WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((ResultSet rs) -> {
				fields.computeIfAbsent(rs.getString("element_code"), (e) -> new ArrayList<>()).add(field(rs));
			});
		Map<String, List<String>> photos = lines("catalog_element_photos", "text_es", slug);
		Map<String, List<String>> images = lines("catalog_element_images", "path", slug);
		Map<String, List<VariantDefinition>> variants = new LinkedHashMap<>();
		List<ElementRow> rows = this.jdbc.sql("SELECT * FROM catalog_elements WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((rs, n) -> new ElementRow(rs.getString("code"), rs.getString("name_es"), rs.getString("group_code"),
					texts(rs.getArray("keywords")), texts(rs.getArray("aliases")), rs.getString("parent_code"),
					rs.getString("variant_question_es")))
			.list();
		rows.stream()
			.filter((r) -> r.parent() != null)
			.forEach((r) -> variants.computeIfAbsent(r.parent(), (p) -> new ArrayList<>())
				.add(new VariantDefinition(r.code(), r.nameEs(), r.group(), r.keywords())));
		return rows.stream()
			.filter((r) -> r.parent() == null)
			.map((r) -> new ElementDefinition(r.code(), r.nameEs(), r.group(), r.keywords(), r.aliases(),
					r.variantQuestion(), variants.getOrDefault(r.code(), List.of()),
					warnings.getOrDefault(r.code(), List.of()), fields.getOrDefault(r.code(), List.of()),
					photos.getOrDefault(r.code(), List.of()), images.getOrDefault(r.code(), List.of())))
			.toList();
	}

	private Map<String, List<String>> lines(String table, String column, String slug) {
		Map<String, List<String>> lines = new LinkedHashMap<>();
		this.jdbc.sql("SELECT element_code, " + column + " FROM " + table + " WHERE category = :c ORDER BY position")
			.param("c", slug)
			.query((ResultSet rs) -> {
				lines.computeIfAbsent(rs.getString(1), (e) -> new ArrayList<>()).add(rs.getString(2));
			});
		return lines;
	}

	private static CatalogWarning warning(ResultSet rs) throws SQLException {
		return new CatalogWarning(rs.getString("code"), WarningSeverity.fromCode(rs.getString("severity")),
				rs.getString("text_es"), rs.getString("scope"));
	}

	private FieldSpec field(ResultSet rs) throws SQLException {
		List<String> options = new ArrayList<>();
		this.json.readTree(rs.getString("options")).forEach((o) -> options.add(o.asString()));
		String conditionJson = rs.getString("condition");
		FieldCondition condition = null;
		if (conditionJson != null) {
			JsonNode node = this.json.readTree(conditionJson);
			condition = new FieldCondition(node.get("field").asString(), node.get("equals").asString());
		}
		return new FieldSpec(rs.getString("key"), rs.getString("label_es"), FieldType.fromCode(rs.getString("type")),
				options, rs.getBoolean("required"), decimal(rs, "min_value"), decimal(rs, "max_value"),
				rs.getString("pattern"), rs.getString("example"), condition);
	}

	private static @Nullable BigDecimal decimal(ResultSet rs, String column) throws SQLException {
		return rs.getBigDecimal(column);
	}

	private static List<String> texts(@Nullable Array array) throws SQLException {
		return (array == null) ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private record Meta(String version, String currency, BigDecimal vatRate, String rule, String caseData) {
	}

	private record ElementRow(String code, String nameEs, String group, List<String> keywords, List<String> aliases,
			@Nullable String parent, @Nullable String variantQuestion) {
	}

}
