package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;

/**
 * Applies CATALOG.md's rule for several variants of one umbrella: variants of a "parts" umbrella
 * (front and rear, each light) are kept together; for alternatives of one part (equivalent or not,
 * with or without test) only the most demanding one is kept.
 */
final class VariantChoice {

	private VariantChoice() {
	}

	static List<VariantDefinition> choose(CategoryDefinition category, ElementDefinition umbrella,
			List<VariantDefinition> found) {
		if (found.size() <= 1) {
			return found;
		}
		if (PhraseBook.isPartsUmbrella(umbrella)) {
			return found.stream().filter((v) -> found.stream().noneMatch((other) -> includes(other, v))).toList();
		}
		return List.of(found.stream().max(Comparator.comparingInt((VariantDefinition v) -> demand(category, v.group()))
			.thenComparingInt(umbrella.variants()::indexOf)).orElseThrow());
	}

	// "Depósito fijo de GLP (con su toma de llenado)": a variant whose name holds a several-word keyword
	// of another one includes that part, which is then not counted again.
	private static boolean includes(VariantDefinition whole, VariantDefinition part) {
		if (whole == part) {
			return false;
		}
		List<String> name = stems(whole.nameEs());
		return part.keywords().stream().map(VariantChoice::stems).anyMatch((k) -> k.size() >= 2 && Collections.indexOfSubList(name, k) >= 0);
	}

	private static List<String> stems(String text) {
		return PhraseBook.contentForms(text).stream().map(SpanishStems::stem).toList();
	}

	// Position of the cheapest tier that admits one item of the group: later = more demanding.
	private static int demand(CategoryDefinition category, String group) {
		List<TierDefinition> tiers = new ArrayList<>(category.tiers());
		for (int i = 0; i < tiers.size(); i++) {
			if (tiers.get(i).admits(group, 1)) {
				return i;
			}
		}
		return tiers.size();
	}

}
