package es.msia.bot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Spanish sentence that says why a tier was chosen, e.g. "1 elemento de «Lista de la tarifa 3» y 2
 * elementos de «Lista de la tarifa 4»". Group names come from the catalogue without their
 * parenthetical detail, which reads badly mid-sentence.
 */
final class TierExplanation {

	private TierExplanation() {
	}

	static String of(CategoryDefinition category, TierSelection selection) {
		TierDefinition tier = selection.tier();
		String counts = joinSpanish(countPhrases(category, selection.countsByGroup()));
		String head = "Se aplica la tarifa " + tier.code() + " (" + tier.nameEs() + ") porque hay " + counts;
		if (selection.fallback()) {
			return head + ": ninguna tarifa menor admite esa combinación, así que se aplica la más completa.";
		}
		return head + ": es la tarifa más económica que admite esa combinación.";
	}

	private static List<String> countPhrases(CategoryDefinition category, Map<String, Integer> counts) {
		List<String> phrases = new ArrayList<>();
		counts.forEach((group, count) -> {
			if (count > 0) {
				String noun = (count == 1) ? "elemento" : "elementos";
				phrases.add(count + " " + noun + " de «" + shortName(category, group) + "»");
			}
		});
		return phrases;
	}

	private static String shortName(CategoryDefinition category, String group) {
		String name = category.group(group).map(GroupDefinition::nameEs).orElse(group);
		int parenthesis = name.indexOf(" (");
		return (parenthesis > 0) ? name.substring(0, parenthesis) : name;
	}

	private static String joinSpanish(List<String> parts) {
		if (parts.size() <= 1) {
			return String.join("", parts);
		}
		return String.join(", ", parts.subList(0, parts.size() - 1)) + " y " + parts.get(parts.size() - 1);
	}

}
