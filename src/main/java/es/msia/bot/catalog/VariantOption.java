package es.msia.bot.catalog;

/**
 * A possible answer to a variant question.
 *
 * @param code variant code
 * @param nameEs display name
 */
public record VariantOption(String code, String nameEs) implements java.io.Serializable {
}
