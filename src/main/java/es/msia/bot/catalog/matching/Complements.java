package es.msia.bot.catalog.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds mentions that only complement another one in the same noun phrase, so the head noun decides:
 * "mandos del manillar" are switches, not a handlebar; "torretas para subir el manillar" are risers;
 * "intermitentes de leds" are indicators; "bomba de freno Brembo" is a master cylinder, not a caliper.
 * A word that names a whole assembly yields to a part named next to it: "ruedas nuevas Pirelli" are
 * tyres (see {@link SpanishLexicon#isWhole}).
 */
final class Complements {

	/** Articles and possessives allowed inside the prepositional phrase. */
	private static final Set<String> ARTICLES = Set.of("el", "la", "los", "las", "un", "una", "unos", "unas", "mi",
			"mis", "su", "sus");

	/** Prepositions that attach a complement: "de" (whose part), "para" (what for), "en" (where). */
	private static final Set<String> PREPOSITIONS = Set.of("de", "del", "para", "en", "al", "sobre", "bajo", "debajo",
			"encima", "junto");

	/**
	 * Words that place something: "debajo del asiento", "junto al manillar", "al lado de la matrícula".
	 * "Delante" and "detrás" are left out: on a motorcycle they name the front and the rear.
	 */
	private static final Set<String> PLACES = Set.of("debajo", "encima", "dentro", "junto", "lado", "cerca", "alrededor");

	private static final Set<String> LINKS = Set.of("de", "del", "a", "al");

	private static final Set<String> ELLIPSES = Set.of("uno", "una", "unos", "unas");

	private static final Set<String> CONJUNCTIONS = Set.of("y", "e", "o", "u", "ni", "con", "sin");

	/** How many words may separate a whole ("ruedas") from the part that says what it is. */
	private static final int WHOLE_REACH = 3;

	private Complements() {
	}

	static Set<Mention> of(List<Token> tokens, List<Mention> mentions) {
		Set<Mention> complements = new HashSet<>();
		for (int m = 0; m + 1 < mentions.size(); m++) {
			Mention head = mentions.get(m);
			Mention next = mentions.get(m + 1);
			// A refinement ("de otra moto") was already attached to its umbrella by the selector.
			if (head.sameElement(next) || tokens.get(next.first()).pauseBefore()
					|| next.phrase().kind() == Phrase.Kind.REFINEMENT) {
				continue;
			}
			if (isComplement(tokens, head.last() + 1, next.first())) {
				complements.add(next);
			}
			else if (sameNounPhrase(tokens, head.last() + 1, next.first())) {
				if (isWhole(head) && !isWhole(next)) {
					complements.add(head);
				}
				else if (isWhole(next) || isTradeName(next)) {
					complements.add(next);
				}
			}
		}
		for (Mention mention : mentions) {
			if (mention.phrase().kind() != Phrase.Kind.REFINEMENT && mentions.stream().anyMatch(other -> !other.sameElement(mention))
					&& namesAPlace(tokens, mention)) {
				complements.add(mention);
			}
		}
		for (int m = 1; m < mentions.size(); m++) {
			if (describesAnEllipsis(tokens, mentions.get(m)) && !mentions.get(m - 1).sameElement(mentions.get(m))
					&& !tokens.get(mentions.get(m).first()).sentenceStart()) {
				complements.add(mentions.get(m));
			}
		}
		return complements;
	}

	// "he quitado los espejos y he puesto unos de punta de manillar": "unos de..." stands for the part
	// named before, and what follows only describes it. "uno de los intermitentes" (an article after
	// "de") picks one of them instead.
	private static boolean describesAnEllipsis(List<Token> tokens, Mention mention) {
		int others = 0;
		for (int k = mention.first() - 1; k >= 1 && others <= 2; k--) {
			Token token = tokens.get(k);
			String form = token.form();
			if (ELLIPSES.contains(tokens.get(k - 1).form()) && form.equals("de")) {
				return k + 1 < mention.first() && !ARTICLES.contains(tokens.get(k + 1).form());
			}
			if (token.sentenceStart() || CONJUNCTIONS.contains(form) || SpanishLexicon.isActionVerb(form)) {
				return false;
			}
			if (!ARTICLES.contains(form) && !PREPOSITIONS.contains(form)) {
				others++;
			}
		}
		return false;
	}

	// "el regulador debajo del asiento", "la llave la he llevado junto al manillar": a part named after a
	// place preposition says where another part went; it is not modified itself.
	private static boolean namesAPlace(List<Token> tokens, Mention mention) {
		int k = mention.first() - 1;
		boolean article = false;
		while (k >= 0 && ARTICLES.contains(tokens.get(k).form())) {
			article = true;
			k--;
		}
		if (k >= 0 && LINKS.contains(tokens.get(k).form())) {
			k--;
		}
		if (k < 0) {
			return false;
		}
		String form = tokens.get(k).form();
		return PLACES.contains(form) || (article && (form.equals("bajo") || form.equals("sobre") || form.equals("tras")));
	}

	// A prepositional phrase and nothing else: "del", "para subir el", "en los extremos del", "extra en
	// los". At most two other words (an adjective, a verb of purpose, a place), none a conjunction.
	private static boolean isComplement(List<Token> tokens, int from, int to) {
		boolean linked = false;
		int others = 0;
		for (int k = from; k < to; k++) {
			String form = tokens.get(k).form();
			if (tokens.get(k).pauseBefore()) {
				return false;
			}
			if (form.equals("para") && k + 1 < to && ARTICLES.contains(tokens.get(k + 1).form())) {
				// "el subchasis para el colín": a part fitted for another one is a modification too;
				// only "para" + a verb ("para subir el manillar") says what the part does.
				return false;
			}
			if (PREPOSITIONS.contains(form)) {
				linked = true;
			}
			else if (!ARTICLES.contains(form)) {
				boolean plain = !SpanishLexicon.CLAUSE_ENDERS.contains(form) && !CONJUNCTIONS.contains(form)
						&& !(SpanishLexicon.isActionVerb(form) && !linked);
				if (!plain || ++others > 2) {
					return false;
				}
			}
		}
		return linked && isWord(tokens, to - 1, ARTICLES, PREPOSITIONS);
	}

	private static boolean isWord(List<Token> tokens, int k, Set<String> words, Set<String> more) {
		String form = tokens.get(k).form();
		return words.contains(form) || more.contains(form);
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

	// "bomba de freno radial Brembo": a maker's name after a part says who made it, not another part.
	private static boolean isTradeName(Mention mention) {
		return mention.size() == 1 && !mention.phrase().inName();
	}

	private static boolean isWhole(Mention mention) {
		return mention.size() == 1 && SpanishLexicon.isWhole(mention.phrase().keys().get(0));
	}

}
