package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A priced selection of reforms, computed by {@link QuoteEngine}. All amounts are euros with scale 2;
 * {@code subtotal} excludes VAT and equals the tier price plus surcharges. Extras are only offered.
 *
 * @param categorySlug category used
 * @param categoryNameEs its display name
 * @param tierCode quoted tier
 * @param tierNameEs its display name
 * @param requiresProject whether the tier involves an engineer's project
 * @param tierPrice tier price excluding VAT
 * @param surcharges surcharges added (each once)
 * @param subtotal tier price plus surcharges, excluding VAT
 * @param vatRate VAT rate applied
 * @param vatAmount VAT on the subtotal
 * @param totalWithVat subtotal plus VAT
 * @param items counted items in catalogue order
 * @param warnings warnings to show, de-duplicated, in catalogue order (category, tier, elements)
 * @param baseDocuments documents every case needs
 * @param photosEs photos the customer must send for the selected elements
 * @param extrasOffered optional services to offer (never added)
 * @param partnerWorkshopCertificatePrice price of MSI's partner-workshop certificate (not included)
 * @param catalogVersion catalogue version the price comes from
 * @param explanationEs why this tier, in Spanish
 */
public record Quote(String categorySlug, String categoryNameEs, String tierCode, String tierNameEs,
		boolean requiresProject, BigDecimal tierPrice, List<AppliedSurcharge> surcharges, BigDecimal subtotal,
		BigDecimal vatRate, BigDecimal vatAmount, BigDecimal totalWithVat, List<QuotedItem> items,
		List<CatalogWarning> warnings, List<BaseDocument> baseDocuments, List<String> photosEs,
		List<ExtraDefinition> extrasOffered, @Nullable BigDecimal partnerWorkshopCertificatePrice,
		String catalogVersion, String explanationEs) implements QuoteOutcome, java.io.Serializable {

	public Quote {
		surcharges = List.copyOf(surcharges);
		items = List.copyOf(items);
		warnings = List.copyOf(warnings);
		baseDocuments = List.copyOf(baseDocuments);
		photosEs = List.copyOf(photosEs);
		extrasOffered = List.copyOf(extrasOffered);
	}

	/** Whether any surcharge must be presented as subject to confirmation. */
	public boolean hasSurchargeOnRequest() {
		return this.surcharges.stream().anyMatch(AppliedSurcharge::onRequest);
	}

}
