package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import es.msia.bot.catalog.jdbc.CatalogEditRejected;
import es.msia.bot.catalog.jdbc.CatalogEdits;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The catalogue edits the panel offers, through the same audited edit service as the admin API: each
 * change is validated against the whole catalogue, recorded in {@code catalog_audit} with its author, and
 * in force for the next quote.
 */
@Service
public class CatalogAdministration {

	/** One audited change (JSON row images before and after). */
	public record Change(long id, String table, String rowKey, String action, String changedBy, Instant changedAt,
			@Nullable String before, @Nullable String after) {
	}

	/** Thrown when the edited catalogue would be inconsistent; the message lists the problems. */
	public static final class EditRejected extends RuntimeException {

		EditRejected(String message) {
			super(message);
		}

	}

	private final CatalogEdits edits;

	CatalogAdministration(CatalogEdits edits) {
		this.edits = edits;
	}

	/**
	 * Sets a tier's price (euros, VAT excluded).
	 * @throws EditRejected when the price is not positive or the catalogue rejects the change
	 */
	public void setTierPrice(String actor, String categorySlug, String tierCode, BigDecimal price) {
		if (price.signum() <= 0) {
			throw new EditRejected("price must be positive");
		}
		try {
			edits.updateTier(actor, categorySlug, tierCode,
					tier -> new TierDefinition(tier.code(), tier.nameEs(), price, tier.requiresProject(), tier.admits(),
							tier.includesEs(), tier.turnaroundEs()));
		}
		catch (CatalogEditRejected ex) {
			throw new EditRejected(ex.problems().stream().map(p -> p.field() + ": " + p.message())
				.collect(Collectors.joining("; ")));
		}
	}

	/** The newest audited changes first. */
	public List<Change> audit(int limit) {
		return edits.audit(limit).stream()
			.map(e -> new Change(e.id(), e.table(), e.rowKey(), e.action(), e.changedBy(), e.changedAt(), e.before(),
					e.after()))
			.toList();
	}

}
