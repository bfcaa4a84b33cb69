package es.msia.bot.catalog;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * An optional service, offered but never added to a quote automatically.
 *
 * @param code stable key
 * @param nameEs display name
 * @param price price excluding VAT; {@code null} when the price list gives no single number
 * @param priceTextEs the price list's wording when {@code price} is {@code null}
 * @param unit {@code per_case} or {@code per_hour}
 */
public record ExtraDefinition(String code, String nameEs, @Nullable BigDecimal price, @Nullable String priceTextEs,
		String unit) implements java.io.Serializable {
}
