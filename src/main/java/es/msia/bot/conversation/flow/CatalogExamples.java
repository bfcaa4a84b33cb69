package es.msia.bot.conversation.flow;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.VariantDefinition;

/**
 * Short names for examples in a rephrased question («suspensión delantera», «escape»), taken from the
 * customer's category: a keyword the matcher understands, written as the display name writes it, so an
 * example the customer copies is understood and no element name lives in code.
 */
final class CatalogExamples {

	private final CatalogDefinition catalog;

	CatalogExamples(CatalogDefinition catalog) {
		this.catalog = catalog;
	}

	/** An answer to the question: its first option's short name. */
	String answer(String categorySlug, PendingVariantQuestion question) {
		var first = question.options().get(0);
		List<String> keywords = category(categorySlug).flatMap(c -> c.element(question.umbrellaCode()))
			.flatMap(e -> e.variant(first.code()))
			.map(VariantDefinition::keywords)
			.orElse(List.of());
		return spoken(first.nameEs(), keywords);
	}

	/** The short names of the first {@code count} elements of the category that are not selected. */
	List<String> elements(String categorySlug, List<String> selected, int count) {
		return category(categorySlug).map(c -> c.elements()
			.stream()
			.filter(e -> !selected.contains(e.code()) && e.variants().stream().noneMatch(v -> selected.contains(v.code())))
			.limit(count)
			.map(e -> spoken(e.nameEs(), e.keywords()))
			.toList()).orElse(List.of());
	}

	/** The short names of selected items (elements or variants), in the order given. */
	List<String> names(String categorySlug, List<String> items) {
		List<ElementDefinition> elements = category(categorySlug).map(CategoryDefinition::elements).orElse(List.of());
		return items.stream().flatMap(code -> elements.stream().flatMap(e -> {
			if (e.code().equals(code)) {
				return java.util.stream.Stream.of(spoken(e.nameEs(), e.keywords()));
			}
			return e.variant(code).map(v -> spoken(v.nameEs(), v.keywords())).stream();
		}).limit(1)).toList();
	}

	private Optional<CategoryDefinition> category(String slug) {
		return slug == null ? Optional.empty() : catalog.category(slug);
	}

	/**
	 * A keyword that the display name contains, cut from the name so it keeps its accents;
	 * without one, the name without its parenthesised detail.
	 */
	static String spoken(String nameEs, List<String> keywords) {
		String lower = nameEs.toLowerCase(Locale.ROOT);
		String folded = foldKeepingLength(lower);
		// The earliest keyword is the head of the name («escape», not «línea completa»); the longest there is
		// the most precise («suspensión delantera», not «suspensión»).
		return keywords.stream()
			.map(k -> Pattern.compile("\\b" + Pattern.quote(k) + "\\b").matcher(folded))
			.filter(Matcher::find)
			.min(Comparator.comparingInt((Matcher m) -> m.start()).thenComparingInt(m -> m.start() - m.end()))
			.map(m -> lower.substring(m.start(), m.end()))
			.orElseGet(() -> lower.replaceAll("\\s*\\([^)]*\\)", "").strip());
	}

	/** Accents removed character by character, so an index in the result is an index in the input. */
	private static String foldKeepingLength(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (char ch : text.toCharArray()) {
			String bare = Normalizer.normalize(String.valueOf(ch), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			folded.append(bare.length() == 1 ? bare.charAt(0) : ch);
		}
		return folded.toString();
	}

}
