package es.msia.bot.catalog;

import java.math.BigDecimal;

/**
 * A surcharge added to a quote.
 *
 * @param code surcharge code
 * @param nameEs display name
 * @param amount amount excluding VAT, scale 2
 * @param onRequest whether the amount must be presented as subject to the engineer's confirmation
 */
public record AppliedSurcharge(String code, String nameEs, BigDecimal amount, boolean onRequest) implements java.io.Serializable {
}
