package es.msia.bot.catalog.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.seed.CatalogJsonReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Admin edits of the catalogue. Each edit is one transaction that names the actor for the audit
 * trigger, bumps the revision, applies the change and then validates the whole catalogue as reloaded
 * inside the transaction (the same rules as the JSON seed); any problem rolls everything back.
 */
@Component
public class CatalogEdits {

	private final JdbcClient jdbc;

	private final CatalogRows rows;

	private final CatalogLoader loader;

	private final CatalogSnapshots snapshots;

	private final TransactionTemplate transactions;

	CatalogEdits(JdbcClient jdbc, CatalogRows rows, CatalogLoader loader, CatalogSnapshots snapshots,
			TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.loader = loader;
		this.snapshots = snapshots;
		this.transactions = transactions;
	}

	/**
	 * Changes a tier. The change is applied to the tier as stored, read inside the edit's transaction
	 * after the revision row is locked, so two concurrent partial edits cannot overwrite each other.
	 */
	public void updateTier(String actor, String category, String code, UnaryOperator<TierDefinition> change) {
		edit(actor, category, () -> {
			TierDefinition current = this.loader.load()
				.category(category)
				.flatMap((c) -> c.tiers().stream().filter((t) -> t.code().equals(code)).findFirst())
				.orElseThrow(() -> new CatalogRowNotFound("Tier " + category + "/" + code));
			TierDefinition tier = change.apply(current);
			List<CatalogEditRejected.FieldProblem> problems = new ArrayList<>();
			tier.admits().keySet().stream()
				.filter((g) -> !groupExists(category, g))
				.forEach((g) -> problems.add(new CatalogEditRejected.FieldProblem("admits." + g, "grupo desconocido: " + g)));
			reject(problems);
			this.rows.upsertTier(category, tier, 0);
		});
	}

	/** Adds an element (with its variants); its code and variant codes must be new in the category. */
	public void createElement(String actor, String category, ElementDefinition element) {
		edit(actor, category, () -> {
			List<CatalogEditRejected.FieldProblem> problems = new ArrayList<>();
			if (exists(CatalogTable.ELEMENTS, category, element.code())) {
				problems.add(new CatalogEditRejected.FieldProblem("code", "ya existe en " + category + ": " + element.code()));
			}
			element.variants().stream()
				.filter((v) -> exists(CatalogTable.ELEMENTS, category, v.code()))
				.forEach((v) -> problems.add(new CatalogEditRejected.FieldProblem("variants.code", "ya existe: " + v.code())));
			checkGroups(category, element, problems);
			reject(problems);
			this.rows.upsertElement(category, element);
		});
	}

	/** Replaces an existing (non-variant) element with its variants, warnings, fields, photos and images. */
	public void updateElement(String actor, String category, ElementDefinition element) {
		edit(actor, category, () -> {
			if (!isTopLevelElement(category, element.code())) {
				throw new CatalogRowNotFound("Element " + category + "/" + element.code());
			}
			List<CatalogEditRejected.FieldProblem> problems = new ArrayList<>();
			checkGroups(category, element, problems);
			reject(problems);
			this.rows.upsertElement(category, element);
		});
	}

	/** Deletes an element with its variants and everything attached to it. */
	public void deleteElement(String actor, String category, String code) {
		edit(actor, category, () -> {
			if (!isTopLevelElement(category, code)) {
				throw new CatalogRowNotFound("Element " + category + "/" + code);
			}
			this.rows.delete(CatalogTable.ELEMENTS, category, code);
		});
	}

	/** Changes a category's name and scope note. */
	public void updateCategory(String actor, String category, String nameEs, String scopeNoteEs) {
		edit(actor, category, () -> this.rows.updateCategory(category, nameEs, scopeNoteEs));
	}

	/** Adds a group (list of a tier) or changes its name and description. */
	public void saveGroup(String actor, String category, GroupDefinition group) {
		edit(actor, category, () -> this.rows.upsertGroup(category, group));
	}

	/** Deletes a group no element, variant or tier cap uses any more. */
	public void deleteGroup(String actor, String category, String code) {
		edit(actor, category, () -> {
			long used = this.jdbc.sql("""
					SELECT (SELECT count(*) FROM catalog_elements WHERE category = :c AND group_code = :g)
					     + (SELECT count(*) FROM catalog_tier_admits WHERE category = :c AND group_code = :g)""")
				.param("c", category)
				.param("g", code)
				.query(Long.class)
				.single();
			if (used > 0) {
				throw CatalogEditRejected.of("code", "el grupo " + code + " está en uso (" + used + " elementos o tarifas)");
			}
			if (this.jdbc.sql("DELETE FROM catalog_groups WHERE category = :c AND code = :g")
				.param("c", category)
				.param("g", code)
				.update() == 0) {
				throw new CatalogRowNotFound("Group " + category + "/" + code);
			}
		});
	}

	/** Adds or replaces a surcharge. */
	public void saveSurcharge(String actor, String category, SurchargeDefinition surcharge) {
		edit(actor, category, () -> this.rows.upsertSurcharge(category, surcharge));
	}

	/** Adds or replaces an optional extra. */
	public void saveExtra(String actor, String category, ExtraDefinition extra) {
		edit(actor, category, () -> this.rows.upsertExtra(category, extra));
	}

	/** Adds or replaces a base document. */
	public void saveDocument(String actor, String category, BaseDocument document) {
		edit(actor, category, () -> this.rows.upsertDocument(category, document));
	}

	/** Adds or replaces a category- or tier-scoped warning (element warnings are edited with the element). */
	public void saveWarning(String actor, String category, CatalogWarning warning) {
		edit(actor, category, () -> {
			if (this.jdbc.sql("SELECT count(*) FROM catalog_warnings WHERE category = :c AND code = :code AND element_code IS NOT NULL")
				.param("c", category)
				.param("code", warning.code())
				.query(Long.class)
				.single() > 0) {
				throw CatalogEditRejected.of("code", "el aviso " + warning.code() + " pertenece a un elemento");
			}
			if (warning.scope().startsWith("tier:") && !exists(CatalogTable.TIERS, category, warning.scope().substring(5))) {
				throw CatalogEditRejected.of("scope", "tarifa desconocida: " + warning.scope());
			}
			this.rows.upsertWarning(category, warning, null);
		});
	}

	/** Deletes a surcharge, extra, base document or category/tier warning. */
	public void delete(String actor, String category, CatalogTable table, String code) {
		if (table == CatalogTable.ELEMENTS || table == CatalogTable.TIERS) {
			throw new IllegalArgumentException("Use deleteElement; tiers are not deleted");
		}
		edit(actor, category, () -> {
			if (!this.rows.delete(table, category, code)) {
				throw new CatalogRowNotFound(table.tableName() + " " + category + "/" + code);
			}
		});
	}

	/**
	 * Restores the before-image of one audited change (an insert is undone by deleting the row, a delete
	 * by inserting it again), as a new audited edit by {@code actor}, validated like any other edit. Only
	 * while the row is still as that change left it.
	 */
	public void revert(String actor, long auditId) {
		AuditEntry entry = findAudit(auditId).orElseThrow(() -> new CatalogRowNotFound("Audit row " + auditId));
		AuditedTable table = AuditedTable.of(entry.table())
			.orElseThrow(() -> CatalogEditRejected.of("catalog", "los cambios de " + entry.table() + " no se revierten desde aquí"));
		String image = entry.before() != null ? entry.before() : entry.after();
		if ("seed".equals(entry.action()) || image == null) {
			throw CatalogEditRejected.of("catalog", "la carga inicial no se puede revertir");
		}
		String category = this.jdbc.sql("SELECT CAST(:img AS jsonb) ->> :col")
			.param("img", image)
			.param("col", table.categoryColumn())
			.query(String.class)
			.single();
		edit(actor, category, () -> {
			int changed;
			switch (entry.action()) {
				case "insert" -> changed = this.jdbc.sql("DELETE FROM " + table.tableName() + " r WHERE " + UNCHANGED)
					.param("img", entry.after())
					.update();
				case "delete" -> changed = insertImage(table, entry.before());
				default -> changed = this.jdbc.sql("UPDATE " + table.tableName() + " r SET (" + columns(table, entry.before())
						+ ") = (SELECT " + columns(table, entry.before()) + " FROM jsonb_populate_record(NULL::"
						+ table.tableName() + ", CAST(:before AS jsonb))) WHERE " + UNCHANGED)
					.param("before", entry.before())
					.param("img", entry.after())
					.update();
			}
			if (changed == 0) {
				throw CatalogEditRejected.of("catalog", "la fila " + entry.rowKey() + " ya no está como la dejó ese cambio");
			}
		});
	}

	/** One audit row. */
	public java.util.Optional<AuditEntry> findAudit(long id) {
		return this.jdbc.sql("SELECT * FROM catalog_audit WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("table_name"), rs.getString("row_key"),
					rs.getString("action"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
					(Integer) rs.getObject("revision"), rs.getString("before"), rs.getString("after")))
			.optional();
	}

	private int insertImage(AuditedTable table, String before) {
		try {
			return this.jdbc.sql("INSERT INTO " + table.tableName() + " SELECT * FROM jsonb_populate_record(NULL::"
					+ table.tableName() + ", CAST(:before AS jsonb))")
				.param("before", before)
				.update();
		}
		catch (org.springframework.dao.DataIntegrityViolationException ex) {
			throw CatalogEditRejected.of("catalog", "no se puede volver a crear la fila: ya existe o falta aquello a lo que pertenece");
		}
	}

	// The row is still exactly as the reverted change left it (:img = its after-image); otherwise a later
	// change would be silently overwritten, so the revert is refused and the newer change can be reverted first.
	private static final String UNCHANGED = "to_jsonb(r) = CAST(:img AS jsonb)";

	// Columns named by the before-image that exist in the table: the image is ours (the trigger's), but
	// the names are still checked against the catalogue before they reach the SQL text.
	private String columns(AuditedTable table, String before) {
		List<String> names = this.jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_schema = current_schema() AND table_name = :t
				  AND jsonb_exists(CAST(:img AS jsonb), column_name) ORDER BY ordinal_position""")
			.param("t", table.tableName())
			.param("img", before)
			.query(String.class)
			.list();
		return String.join(", ", names);
	}

	/** The newest audit rows first. */
	public List<AuditEntry> audit(int limit) {
		return this.jdbc.sql("SELECT * FROM catalog_audit ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("table_name"), rs.getString("row_key"),
					rs.getString("action"), rs.getString("changed_by"), rs.getTimestamp("changed_at").toInstant(),
					(Integer) rs.getObject("revision"), rs.getString("before"), rs.getString("after")))
			.list();
	}

	private void edit(String actor, String category, Runnable change) {
		run(() -> {
			this.jdbc.sql("SELECT set_config('msia.actor', :actor, true)").param("actor", actor).query().singleValue();
			if (this.jdbc.sql("SELECT count(*) FROM catalog_categories WHERE slug = :c").param("c", category)
				.query(Long.class)
				.single() == 0) {
				throw new CatalogRowNotFound("Category " + category);
			}
			// Also locks the meta row: edits are serialised, and each one reads the previous one's result.
			this.jdbc.sql("UPDATE catalog_meta SET revision = revision + 1, updated_at = now()").update();
			change.run();
			List<String> problems = CatalogJsonReader.problems(this.loader.load());
			reject(problems.stream().map((p) -> new CatalogEditRejected.FieldProblem("catalog", p)).toList());
			return null;
		});
		this.snapshots.invalidate();
	}

	private <T> T run(Supplier<T> work) {
		return this.transactions.execute((status) -> work.get());
	}

	private void checkGroups(String category, ElementDefinition element, List<CatalogEditRejected.FieldProblem> problems) {
		if (!groupExists(category, element.group())) {
			problems.add(new CatalogEditRejected.FieldProblem("group", "grupo desconocido: " + element.group()));
		}
		for (VariantDefinition v : element.variants()) {
			if (!groupExists(category, v.group())) {
				problems.add(new CatalogEditRejected.FieldProblem("variants.group", "grupo desconocido: " + v.group()));
			}
		}
	}

	private boolean groupExists(String category, String group) {
		return this.jdbc.sql("SELECT count(*) FROM catalog_groups WHERE category = :c AND code = :g")
			.param("c", category)
			.param("g", group)
			.query(Long.class)
			.single() > 0;
	}

	private boolean isTopLevelElement(String category, String code) {
		return this.jdbc.sql("SELECT count(*) FROM catalog_elements WHERE category = :c AND code = :code AND parent_code IS NULL")
			.param("c", category)
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	private boolean exists(CatalogTable table, String category, String code) {
		return this.jdbc.sql("SELECT count(*) FROM " + table.tableName() + " WHERE category = :c AND code = :code")
			.param("c", category)
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	private void requireRow(CatalogTable table, String category, String code) {
		if (!exists(table, category, code)) {
			throw new CatalogRowNotFound(table.tableName() + " " + category + "/" + code);
		}
	}

	private static void reject(List<CatalogEditRejected.FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new CatalogEditRejected(problems);
		}
	}

}
