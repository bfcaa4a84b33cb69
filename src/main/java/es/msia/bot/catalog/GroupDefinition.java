package es.msia.bot.catalog;

/**
 * A price-list list within a category (e.g. "Lista de la tarifa 4"); each countable item belongs to one.
 *
 * @param code stable key, unique within the category
 * @param nameEs display name
 * @param descriptionEs what the list contains
 */
public record GroupDefinition(String code, String nameEs, String descriptionEs) {
}
