package es.msia.bot.catalog.matching;

import java.util.List;
import java.util.Set;

/**
 * Finds the parts the customer says are still as they came: "el escape es de serie", "viene de
 * fábrica", "los espejos son los originales", "los dejé como venían", "lo dejé tal cual". Such a
 * statement takes away only the mentions of its own clause, which runs back to a comma, a sentence
 * start, a contrast ("pero", "sino", "lo que cambié fue...") or an "y" that closes a modification
 * ("he cambiado el manillar y el escape es de serie"). "El escape de serie" after an action verb is
 * the replaced part ("he cambiado el escape de serie por un Akrapovic"), so an action verb earlier in
 * the clause cancels the statement.
 */
final class StockParts {

	/** Words after "de" that say "as it left the factory". */
	private static final Set<String> FACTORY = Set.of("serie", "fabrica", "origen");

	private static final Set<String> ORIGINAL = Set.of("original", "originales", "estandar", "stock");

	/** A comparison with the stock part ("iguales que los de serie") describes the new part. */
	private static final Set<String> COMPARISONS = Set.of("igual", "iguales", "mismo", "misma", "mismos", "mismas",
			"como", "que", "parecido", "parecidos", "equivalente", "equivalentes");

	/** "como venían", "tal cual": forms of venir and traer, which only say how the vehicle came. */
	private static final Set<String> CAME_STEMS = SpanishStems.stems("venir", "vienen", "venia", "vino", "traer", "traia", "salir", "salio");

	/** Forms (and gerunds: "siguen siendo") of ser, estar, seguir, venir, llevar, tener, quedar and dejar that state how a part is. */
	private static final Set<String> STATE_VERBS = Set.of("es", "son", "era", "eran", "esta", "estan", "sigue",
			"siguen", "viene", "vienen", "venia", "venian", "vino", "lleva", "llevo", "llevan", "tiene", "tengo",
			"tienen", "queda", "quedan", "dejo", "deje", "dejamos", "dejado", "siendo", "estando");

	/** "todo original menos...", "la moto de serie salvo...": said of the whole vehicle. */
	private static final Set<String> WHOLE_VEHICLE = Set.of("todo", "toda", "todos", "todas", "moto", "autocaravana",
			"camper", "furgo", "furgoneta", "vehiculo");

	private static final Set<String> ARTICLES = Set.of("el", "la", "los", "las", "lo", "de", "del");

	private static final String[] PRONOUNS_ARRAY = { "lo", "la", "los", "las" };

	private static final List<String> PRONOUNS = List.of(PRONOUNS_ARRAY);

	private static final Set<String> CONTRASTS = Set.of("pero", "sino", "aunque", "que", "solo", "solamente",
			"unicamente", "mientras");

	private final List<Token> tokens;

	private final Mention[] owner;

	StockParts(List<Token> tokens, Mention[] owner) {
		this.tokens = tokens;
		this.owner = owner;
	}

	/** Adds to {@code negated} the mentions of every clause that says its parts are stock. */
	void collect(Set<Mention> negated) {
		for (int i = 0; i < this.tokens.size(); i++) {
			if (this.owner[i] == null && isStatement(i)) {
				negateClauseBefore(i, negated);
			}
		}
	}

	private boolean isStatement(int i) {
		String form = this.tokens.get(i).form();
		if (FACTORY.contains(form) && isWord(i - 1, "de")) {
			return !isComparison(i - 2) && isPredicate(i - 2);
		}
		if (ORIGINAL.contains(form)) {
			return !isComparison(i - 1) && isPredicate(i - 1);
		}
		if (form.equals("como") && i + 1 < this.tokens.size()) {
			return CAME_STEMS.contains(SpanishStems.stem(this.tokens.get(i + 1).form()));
		}
		return form.equals("tal") && isWord(i + 1, "cual", "como");
	}

	// "iguales que los de serie", "como las de serie": looks back over articles for the comparison.
	private boolean isComparison(int from) {
		for (int k = from; k >= 0 && k > from - 3; k--) {
			String form = this.tokens.get(k).form();
			if (COMPARISONS.contains(form)) {
				return true;
			}
			if (!SpanishLexicon.FUNCTION_WORDS.contains(form)) {
				return false;
			}
		}
		return false;
	}

	// "el escape es de serie", "el escape original": said of a part through a verb of state or right
	// after it; "la caja original" (no part) and "el escape no es de serie" say nothing of the kind.
	private boolean isPredicate(int from) {
		int k = from;
		while (k >= 0 && ARTICLES.contains(this.tokens.get(k).form())) {
			k--;
		}
		if (k < 0) {
			return false;
		}
		if (this.owner[k] != null || WHOLE_VEHICLE.contains(this.tokens.get(k).form())) {
			return true;
		}
		return STATE_VERBS.contains(this.tokens.get(k).form()) && !isWord(k - 1, "no");
	}

	/**
	 * Whether the clause before {@code i} already says the vehicle is stock or untouched ("está de
	 * serie salvo...", "no he tocado nada salvo..."): then an exception names what was changed.
	 */
	boolean saysStockBefore(int i) {
		for (int k = clauseStart(i); k < i; k++) {
			if (this.owner[k] == null && (isStatement(k) || isWord(k, "nada"))) {
				return true;
			}
		}
		return false;
	}

	private void negateClauseBefore(int cue, Set<Mention> negated) {
		if (isTakenUpAgain(cue)) {
			return;
		}
		int start = clauseStart(cue);
		for (int k = start; k < cue; k++) {
			if (this.owner[k] == null && isModification(k)) {
				return;
			}
		}
		for (int k = start; k < cue; k++) {
			if (this.owner[k] != null) {
				negated.add(this.owner[k]);
			}
		}
	}

	// "tengo el escape original pero quiero cambiarlo": a later action on a pronoun ("cambiarlo", "lo
	// voy a cambiar") in the same sentence, before any other part is named, is about the stock part.
	private boolean isTakenUpAgain(int cue) {
		for (int k = cue + 1; k < this.tokens.size() && !this.tokens.get(k).sentenceStart(); k++) {
			if (this.owner[k] != null) {
				return false;
			}
			String form = this.tokens.get(k).form();
			if (isModification(k) && (PRONOUNS.stream().anyMatch(form::endsWith) || hasObjectPronoun(cue, k))) {
				return true;
			}
		}
		return false;
	}

	// "lo cambié", "lo voy a cambiar"; not "lo que cambié", where "lo" starts a new subject.
	private boolean hasObjectPronoun(int cue, int verb) {
		for (int p = verb - 1; p > cue && p >= verb - 3; p--) {
			if (isWord(p, PRONOUNS_ARRAY) && !isWord(p + 1, "que")) {
				return true;
			}
		}
		return false;
	}

	private int clauseStart(int cue) {
		for (int k = cue; k > 0; k--) {
			Token token = this.tokens.get(k);
			if (token.pauseBefore()) {
				return k;
			}
			String previous = this.tokens.get(k - 1).form();
			if (this.owner[k - 1] == null && (CONTRASTS.contains(previous)
					|| ((previous.equals("y") || previous.equals("e")) && closesModification(k - 1)))) {
				return k;
			}
		}
		return 0;
	}

	// "he cambiado el manillar y el escape es de serie": the "y" ends a clause with its own action verb.
	private boolean closesModification(int conjunction) {
		for (int k = conjunction - 1; k >= 0; k--) {
			if (this.owner[k] == null && isModification(k)) {
				return true;
			}
			if (this.tokens.get(k).pauseBefore()) {
				return false;
			}
		}
		return false;
	}

	// "llevo el escape de serie" only says what the vehicle has.
	private boolean isModification(int k) {
		String form = this.tokens.get(k).form();
		return SpanishLexicon.isActionVerb(form) && !form.startsWith("llev");
	}

	private boolean isWord(int i, String... words) {
		return i >= 0 && i < this.tokens.size() && List.of(words).contains(this.tokens.get(i).form());
	}

}
