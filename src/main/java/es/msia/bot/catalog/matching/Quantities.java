package es.msia.bot.catalog.matching;

import java.util.List;
import java.util.Set;

/**
 * Reads the quantity stated for a mention ("dos intermitentes", "ambos retrovisores", "los dos
 * espejos", "un par de espejos", "los espejos ambos"). The quantity is informative only: an element
 * or variant always counts once in the tier rule.
 */
final class Quantities {

	private static final Set<String> SKIPPED = Set.of("de", "los", "las", "el", "la", "mis", "sus", "tus", "nuevos",
			"nuevas");

	private Quantities() {
	}

	/** The stated quantity, or 0 when none (or just one) is stated. */
	static int of(List<Token> tokens, Mention mention) {
		for (int k = mention.first() - 1, steps = 0; k >= 0 && steps < 3; k--, steps++) {
			String form = tokens.get(k).form();
			int quantity = SpanishLexicon.quantity(form);
			if (quantity > 1) {
				return quantity;
			}
			if (!SKIPPED.contains(form) || tokens.get(k + 1).sentenceStart()) {
				break;
			}
		}
		int next = mention.last() + 1;
		if (next < tokens.size() && (tokens.get(next).form().equals("ambos") || tokens.get(next).form().equals("ambas"))) {
			return 2;
		}
		return 0;
	}

}
