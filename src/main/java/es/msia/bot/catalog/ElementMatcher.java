package es.msia.bot.catalog;

import java.util.Map;
import java.util.stream.Collectors;

import es.msia.bot.catalog.matching.CategoryMatcher;

/**
 * Turns free Spanish WhatsApp text into catalogue elements of one category, deterministically and
 * only from the catalogue's keywords, aliases and variants. Thread-safe once built.
 */
public final class ElementMatcher {

	private final Map<String, CategoryMatcher> matchers;

	public ElementMatcher(CatalogDefinition catalog) {
		this.matchers = catalog.categories()
			.stream()
			.collect(Collectors.toUnmodifiableMap(CategoryDefinition::slug, CategoryMatcher::new));
	}

	/**
	 * Finds the elements a message names.
	 * @throws QuoteNotPossible if the category is unknown
	 */
	public MatchResult match(String categorySlug, String text) {
		return matcher(categorySlug).match(text);
	}

	/**
	 * Resolves the answer to an umbrella's variant question ("la trasera", "las dos", "no son
	 * equivalentes") to variant codes.
	 * @throws QuoteNotPossible if the category or umbrella is unknown
	 */
	public VariantAnswer resolveVariantAnswer(String categorySlug, String umbrellaCode, String answer) {
		return matcher(categorySlug).resolveAnswer(umbrellaCode, answer);
	}

	/**
	 * Resolves an answer given as the number of an option ("2") when the question was repeated with its
	 * options numbered in catalogue order.
	 * @throws QuoteNotPossible if the category is unknown
	 */
	public VariantAnswer resolveOptionNumber(String categorySlug, String umbrellaCode, int number) {
		return matcher(categorySlug).resolveOptionNumber(umbrellaCode, number);
	}

	private CategoryMatcher matcher(String slug) {
		CategoryMatcher matcher = this.matchers.get(slug);
		if (matcher == null) {
			throw new QuoteNotPossible("Unknown category '" + slug + "'");
		}
		return matcher;
	}

}
