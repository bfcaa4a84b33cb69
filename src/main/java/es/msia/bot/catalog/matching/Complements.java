package es.msia.bot.catalog.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds mentions that only complement another one in the same noun phrase, so the head noun decides:
 * "mandos del manillar" are switches, not a handlebar; "torretas para subir el manillar" are risers;
 * "intermitentes de leds" are indicators; "bomba de freno Brembo" is a master cylinder, not a caliper.
 * A word that names a whole assembly yields to a part named
 * next to it: "ruedas nuevas Pirelli" are tyres (see {@link SpanishLexicon#isWhole}).
 */
final class Complements {

	/** Articles allowed between "de"/"para" and the complement. */
	private static final Set<String> ARTICLES = Set.of("el", "la", "los", "las", "un", "una", "unos", "unas", "mi",
			"mis", "su", "sus");

	/** How many words may separate a whole ("ruedas") from the part that says what it is. */
	private static final int WHOLE_REACH = 3;

	private Complements() {
	}

	static Set<Mention> of(List<Token> tokens, List<Mention> mentions) {
		Set<Mention> complements = new HashSet<>();
		for (int m = 0; m + 1 < mentions.size(); m++) {
			Mention head = mentions.get(m);
			Mention next = mentions.get(m + 1);
			if (head.sameElement(next) || tokens.get(next.first()).pauseBefore()) {
				continue;
			}
			if (isComplement(tokens, head.last() + 1, next.first())) {
				complements.add(next);
			}
			else if (sameNounPhrase(tokens, head.last() + 1, next.first())) {
				if (isWhole(head) && !isWhole(next)) {
					complements.add(head);
				}
				else if (isWhole(next) || (next.first() == head.last() + 1 && isTradeName(next))) {
					complements.add(next);
				}
			}
		}
		return complements;
	}

	// "de"/"del" + articles, or "para" + an optional verb + articles, and nothing else.
	private static boolean isComplement(List<Token> tokens, int from, int to) {
		if (from >= to || tokens.get(from).pauseBefore()) {
			return false;
		}
		String linker = tokens.get(from).form();
		int k = from + 1;
		if (linker.equals("para") && k < to && !ARTICLES.contains(tokens.get(k).form())) {
			k++;
		}
		else if (!linker.equals("de") && !linker.equals("del")) {
			return false;
		}
		for (; k < to; k++) {
			if (tokens.get(k).pauseBefore() || !ARTICLES.contains(tokens.get(k).form())) {
				return false;
			}
		}
		return true;
	}

	// A few words without a pause, a conjunction or a verb between: "ruedas nuevas Pirelli".
	private static boolean sameNounPhrase(List<Token> tokens, int from, int to) {
		if (to - from > WHOLE_REACH) {
			return false;
		}
		for (int k = from; k < to; k++) {
			String form = tokens.get(k).form();
			if (tokens.get(k).pauseBefore() || form.equals("y") || form.equals("e") || form.equals("o")
					|| SpanishLexicon.isActionVerb(form) || SpanishLexicon.CLAUSE_ENDERS.contains(form)) {
				return false;
			}
		}
		return !tokens.get(to).pauseBefore();
	}

	// "bomba de freno Brembo": a maker's name right after a part says who made it, not another part.
	private static boolean isTradeName(Mention mention) {
		return mention.size() == 1 && !mention.phrase().inName();
	}

	private static boolean isWhole(Mention mention) {
		return mention.size() == 1 && SpanishLexicon.isWhole(mention.phrase().keys().get(0));
	}

}
