package es.msia.bot.catalog.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CatalogExample;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;

/**
 * Integrity rules of CATALOG.md section 1 that the quote engine and the matcher rely on. Collects all
 * problems instead of stopping at the first, so a broken file is fixed in one round.
 */
final class CatalogValidator {

	private final CatalogDefinition catalog;

	private final List<String> problems = new ArrayList<>();

	CatalogValidator(CatalogDefinition catalog) {
		this.catalog = catalog;
	}

	List<String> problems() {
		this.catalog.categories().forEach(this::checkCategory);
		this.catalog.examples().forEach(this::checkExample);
		return List.copyOf(this.problems);
	}

	private void checkCategory(CategoryDefinition category) {
		String slug = category.slug();
		Set<String> groups = new HashSet<>();
		category.groups().stream().map(GroupDefinition::code).forEach((g) -> unique(groups, g, slug + ": group"));
		if (category.tiers().isEmpty()) {
			problem(slug + ": has no tiers");
		}
		Set<String> tiers = new HashSet<>();
		for (TierDefinition tier : category.tiers()) {
			unique(tiers, tier.code(), slug + ": tier");
			tier.admits().keySet().forEach((g) -> known(groups, g, slug + ": tier " + tier.code() + " admits"));
		}
		Set<String> items = checkElements(category, groups);
		category.surcharges().forEach((s) -> checkSurcharge(slug, s, tiers, items));
		checkWarnings(category);
		checkKeywords(category);
	}

	private Set<String> checkElements(CategoryDefinition category, Set<String> groups) {
		String slug = category.slug();
		Set<String> codes = new HashSet<>();
		for (ElementDefinition element : category.elements()) {
			unique(codes, element.code(), slug + ": element/variant code");
			known(groups, element.group(), slug + ": element " + element.code() + " group");
			if (element.isUmbrella() && element.variantQuestionEs() == null) {
				problem(slug + ": umbrella " + element.code() + " has no variant_question_es");
			}
			for (VariantDefinition variant : element.variants()) {
				unique(codes, variant.code(), slug + ": element/variant code");
				known(groups, variant.group(), slug + ": variant " + variant.code() + " group");
			}
		}
		return codes;
	}

	private void checkSurcharge(String slug, SurchargeDefinition surcharge, Set<String> tiers, Set<String> items) {
		String where = slug + ": surcharge " + surcharge.code();
		surcharge.appliesTo().forEach((t) -> known(tiers, t, where + " applies_to"));
		surcharge.triggerElements().forEach((code) -> known(items, code, where + " trigger"));
	}

	private void checkWarnings(CategoryDefinition category) {
		Set<String> codes = new HashSet<>();
		List<CatalogWarning> all = new ArrayList<>(category.warnings());
		category.elements().forEach((e) -> all.addAll(e.warnings()));
		all.forEach((w) -> unique(codes, w.code(), category.slug() + ": warning code"));
	}

	// Variant keywords may repeat across umbrellas ("equivalente"): they only match answers or refine a
	// mention. Element keywords and aliases must point to exactly one element.
	private void checkKeywords(CategoryDefinition category) {
		Map<String, String> owner = new HashMap<>();
		for (ElementDefinition element : category.elements()) {
			Set<String> words = new HashSet<>(element.keywords());
			words.addAll(element.aliases());
			for (String word : words) {
				String previous = owner.putIfAbsent(word, element.code());
				if (previous != null) {
					problem(category.slug() + ": keyword '" + word + "' shared by " + previous + " and "
							+ element.code());
				}
			}
		}
	}

	private void checkExample(CatalogExample example) {
		if (this.catalog.category(example.category()).isEmpty()) {
			problem("example " + example.elements() + ": unknown category " + example.category());
		}
	}

	private void unique(Set<String> seen, String code, String what) {
		if (!seen.add(code)) {
			problem(what + " '" + code + "' is duplicated");
		}
	}

	private void known(Set<String> knownCodes, String code, String what) {
		if (!knownCodes.contains(code)) {
			problem(what + " refers to unknown '" + code + "'");
		}
	}

	private void problem(String text) {
		this.problems.add(text);
	}

}
