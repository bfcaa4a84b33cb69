package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who signs the workshop certificate: the question, MSI's partner price per category and the fields
 * collected when the customer's own workshop signs.
 *
 * @param questionEs the question to ask
 * @param msiPartnerPriceByCategory category slug to price (excluding VAT) when MSI's partner signs
 * @param ownWorkshopFields fields of the own-workshop block
 */
public record WorkshopDefinition(String questionEs, Map<String, BigDecimal> msiPartnerPriceByCategory,
		List<FieldSpec> ownWorkshopFields) {

	public WorkshopDefinition {
		msiPartnerPriceByCategory = Map.copyOf(msiPartnerPriceByCategory);
		ownWorkshopFields = List.copyOf(ownWorkshopFields);
	}

	/** The partner-workshop certificate price for a category. */
	public Optional<BigDecimal> partnerPrice(String categorySlug) {
		return Optional.ofNullable(this.msiPartnerPriceByCategory.get(categorySlug));
	}

}
