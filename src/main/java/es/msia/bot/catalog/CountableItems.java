package es.msia.bot.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Index of the codes a category can price: plain elements and variants, in catalogue order. Built
 * once per category so that quoting is a map lookup.
 */
final class CountableItems {

	/** A priceable code with the element that owns its photos and warnings. */
	record Item(int order, QuotedItem quoted, ElementDefinition owner) {
	}

	private final CategoryDefinition category;

	private final Map<String, Item> items = new HashMap<>();

	CountableItems(CategoryDefinition category) {
		this.category = category;
		for (ElementDefinition element : category.elements()) {
			if (element.isUmbrella()) {
				element.variants()
					.forEach((v) -> add(v.code(), v.nameEs(), v.group(), element.code(), element));
			}
			else {
				add(element.code(), element.nameEs(), element.group(), null, element);
			}
		}
	}

	private void add(String code, String name, String group, String umbrella, ElementDefinition owner) {
		String groupName = this.category.group(group).map(GroupDefinition::nameEs).orElse(group);
		this.items.put(code, new Item(this.items.size(), new QuotedItem(code, name, group, groupName, umbrella), owner));
	}

	/** Resolves codes to items in catalogue order, rejecting umbrellas and unknown codes. */
	List<Item> resolve(Collection<String> codes) {
		if (codes.isEmpty()) {
			throw new QuoteNotPossible("Nothing to quote: the selection of " + this.category.slug() + " is empty");
		}
		Set<Item> resolved = new LinkedHashSet<>();
		for (String code : codes) {
			resolved.add(resolve(code));
		}
		List<Item> ordered = new ArrayList<>(resolved);
		ordered.sort(Comparator.comparingInt(Item::order));
		return ordered;
	}

	private Item resolve(String code) {
		Item item = this.items.get(code);
		if (item != null) {
			return item;
		}
		ElementDefinition umbrella = this.category.element(code)
			.orElseThrow(() -> new QuoteNotPossible("Unknown item '" + code + "' in " + this.category.slug()));
		throw new UmbrellaNotResolved(code, umbrella.variants().stream().map(VariantDefinition::code).toList());
	}

}
