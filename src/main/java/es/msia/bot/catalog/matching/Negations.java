package es.msia.bot.catalog.matching;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the mentions the customer excludes: "todo menos el escape", "sin tocar el manillar",
 * "el escape no", "no he cambiado ni el manillar ni el escape", and the parts said to be stock (see
 * {@link StockParts}). Cue words inside a matched phrase ("sin ensayo", "no equivalente") are part of
 * the phrase, not negations.
 */
final class Negations {

	private final List<Token> tokens;

	private final Mention[] owner;

	private final Set<Mention> negated = new HashSet<>();

	private final StockParts stock;

	private Negations(List<Token> tokens, List<Mention> mentions) {
		this.tokens = tokens;
		this.owner = new Mention[tokens.size()];
		for (Mention m : mentions) {
			for (int i = m.first(); i <= m.last(); i++) {
				this.owner[i] = m;
			}
		}
		this.stock = new StockParts(tokens, this.owner);
	}

	static Set<Mention> negated(List<Token> tokens, List<Mention> mentions) {
		Negations negations = new Negations(tokens, mentions);
		for (int i = 0; i < tokens.size(); i++) {
			if (negations.owner[i] == null) {
				negations.cue(i, tokens.get(i).form());
			}
		}
		negations.stock.collect(negations.negated);
		return negations.negated;
	}

	private void cue(int i, String form) {
		if (SpanishLexicon.NEGATIONS.contains(form) && !isDontKnow(i)) {
			// "los retrovisores no los he cambiado, los intermitentes sí": a negation that already
			// took the part before it ends at the next comma.
			boolean tookPrevious = (form.equals("no") || form.equals("tampoco")) && negatePrevious(i);
			scan(i + 1, false, tookPrevious);
		}
		else if (SpanishLexicon.EXCEPTIONS.contains(form) && !(i > 0 && form.equals("menos") && isWord(i - 1, "o", "mas"))
				&& !this.stock.saysStockBefore(i)) {
			scan(i + 1, true, false);
		}
	}

	// Pre-negation: skip fillers ("he", "tocado", "el") and negate the mentions that follow, through
	// "ni"; an exception ("menos", "excepto") also runs through "y".
	private void scan(int from, boolean exception, boolean tookPrevious) {
		boolean negatedOne = tookPrevious;
		for (int j = from; j < this.tokens.size(); j++) {
			Token token = this.tokens.get(j);
			// "no, el escape" negates nothing; "menos el escape: manillar, espejos" stops at the colon.
			if (token.sentenceStart() || (token.pauseBefore() && (j == from || negatedOne))) {
				return;
			}
			if (this.owner[j] != null) {
				this.negated.add(this.owner[j]);
				negatedOne = true;
				j = this.owner[j].last();
			}
			else if (!continues(token.form(), exception)) {
				return;
			}
		}
	}

	private boolean continues(String form, boolean exception) {
		if (exception) {
			return !SpanishLexicon.CLAUSE_ENDERS.contains(form) || form.equals("y") || form.equals("e");
		}
		return SpanishLexicon.isNegationFiller(form) || SpanishLexicon.FUNCTION_WORDS.contains(form)
				|| (SpanishLexicon.isActionVerb(form) && !form.equals("llevo"));
	}

	// Post-negation: "el escape no", "el escape no lo he tocado", "el escape tampoco", and a
	// self-correction: "semimanillares? no, perdón".
	private boolean negatePrevious(int i) {
		if (i == 0 || this.owner[i - 1] == null || this.tokens.get(i).pauseBefore() && !this.tokens.get(i).form().equals("no")) {
			return false;
		}
		boolean endsHere = i + 1 == this.tokens.size() || this.tokens.get(i + 1).pauseBefore()
				|| isWord(i + 1, "lo", "la", "los", "las", "se", "me", "le", "he", "perdon", "espera", "mentira");
		if (endsHere) {
			this.negated.add(this.owner[i - 1]);
		}
		return endsHere;
	}

	// "no se si ...", "no lo se": not knowing is not a negation of the element.
	private boolean isDontKnow(int i) {
		if (!this.tokens.get(i).form().equals("no")) {
			return false;
		}
		if (isWord(i + 1, "lo") && isWord(i + 2, "se")) {
			return true;
		}
		boolean questionFollows = i + 2 >= this.tokens.size() || this.tokens.get(i + 2).pauseBefore()
				|| isWord(i + 2, "si", "que", "cual", "cuales", "como", "donde", "exactamente", "muy", "bien");
		return isWord(i + 1, "se") && questionFollows;
	}

	private boolean isWord(int i, String... words) {
		if (i < 0 || i >= this.tokens.size()) {
			return false;
		}
		return List.of(words).contains(this.tokens.get(i).form());
	}

}
