package es.msia.bot.catalog.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.seed.CatalogJsonReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the catalogue tables from the bundled JSON at first start. Idempotent: it does nothing when
 * {@code catalog_meta} has a row, so edits made through the admin API survive restarts. Several
 * processes may start together; a transaction-scoped advisory lock lets exactly one of them seed.
 */
@Component
public class CatalogSeeder implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

	// Arbitrary but fixed: identifies "catalogue seed" among the application's advisory locks.
	private static final long SEED_LOCK = 0x4d534941_00000002L;

	private final JdbcClient jdbc;

	private final CatalogRows rows;

	private final TransactionTemplate transactions;

	CatalogSeeder(JdbcClient jdbc, CatalogRows rows, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.rows = rows;
		this.transactions = transactions;
	}

	@Override
	public void afterPropertiesSet() {
		seedIfEmpty();
	}

	/** Seeds from the bundled catalogue unless already seeded; returns whether it seeded. */
	public boolean seedIfEmpty() {
		Boolean seeded = this.transactions.execute((status) -> {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", SEED_LOCK).query().singleValue();
			if (this.jdbc.sql("SELECT count(*) FROM catalog_meta").query(Long.class).single() > 0) {
				return false;
			}
			CatalogDefinition catalog = Catalogs.current();
			seed(catalog, rawCaseData());
			log.info("Seeded catalogue {} ({} categories) from {}", catalog.version(), catalog.categories().size(),
					Catalogs.CURRENT_RESOURCE);
			return true;
		});
		return Boolean.TRUE.equals(seeded);
	}

	private void seed(CatalogDefinition catalog, String caseData) {
		// One summary audit row instead of one per inserted row (see V0002__catalog.sql).
		this.jdbc.sql("SELECT set_config('msia.audit', 'off', true)").query().singleValue();
		this.jdbc.sql("""
				INSERT INTO catalog_meta (base_version, revision, currency, vat_rate, tier_selection_rule, case_data)
				VALUES (:version, 0, :currency, :vat, :rule, CAST(:caseData AS jsonb))""")
			.param("version", catalog.version())
			.param("currency", catalog.currency())
			.param("vat", catalog.vatRate())
			.param("rule", catalog.tierSelectionRule())
			.param("caseData", caseData)
			.update();
		for (int i = 0; i < catalog.categories().size(); i++) {
			this.rows.insertCategory(catalog.categories().get(i), i);
		}
		this.jdbc.sql("SELECT set_config('msia.audit', 'on', true)").query().singleValue();
		this.jdbc.sql("""
				INSERT INTO catalog_audit (table_name, row_key, action, changed_by, revision, after)
				VALUES ('catalog_meta', :version, 'seed', 'seed', 0,
				        jsonb_build_object('source', CAST(:source AS text), 'categories', CAST(:categories AS jsonb)))""")
			.param("version", catalog.version())
			.param("source", Catalogs.CURRENT_RESOURCE)
			.param("categories", "[" + String.join(",", catalog.categories().stream().map((c) -> "\"" + c.slug() + "\"").toList()) + "]")
			.update();
	}

	private static String rawCaseData() {
		try (InputStream in = Catalogs.class.getResourceAsStream(Catalogs.CURRENT_RESOURCE)) {
			if (in == null) {
				throw new IllegalStateException("Missing " + Catalogs.CURRENT_RESOURCE);
			}
			return new CatalogJsonReader().rawCaseData(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
