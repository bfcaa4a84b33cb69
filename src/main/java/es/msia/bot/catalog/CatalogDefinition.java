package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The whole tariff catalogue of one year, as loaded from {@code catalog/catalog-2026.json}
 * (see {@link Catalogs}).
 *
 * @param version catalogue version, e.g. {@code 2026.1}
 * @param currency ISO currency code
 * @param vatRate VAT rate applied on top of every price (0.21)
 * @param categories price lists
 * @param caseData data collected for every case
 * @param tierSelectionRule the rule as text (documentation only; {@link QuoteEngine} implements it)
 * @param examples worked examples the rule reproduces
 */
public record CatalogDefinition(String version, String currency, BigDecimal vatRate,
		List<CategoryDefinition> categories, CaseDataDefinition caseData, String tierSelectionRule,
		List<CatalogExample> examples) {

	public CatalogDefinition {
		categories = List.copyOf(categories);
		examples = List.copyOf(examples);
	}

	/** The category with this slug, if any. */
	public Optional<CategoryDefinition> category(String slug) {
		return this.categories.stream().filter((c) -> c.slug().equals(slug)).findFirst();
	}

	/** The price list for a customer and vehicle; empty means there is no tariff for them. */
	public Optional<CategoryDefinition> categoryFor(ClientType client, VehicleType vehicle) {
		return this.categories.stream().filter((c) -> c.serves(client, vehicle)).findFirst();
	}

}
