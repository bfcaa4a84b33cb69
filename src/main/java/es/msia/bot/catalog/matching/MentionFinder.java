package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds every occurrence of every phrase in the tokens. Phrases are compared on content words only,
 * so function words between them do not matter, but a phrase never spans punctuation.
 */
final class MentionFinder {

	/** Longest first, then exact before fuzzy, then variants before elements, then leftmost. */
	static final Comparator<Mention> PREFERENCE = Comparator.comparingInt(Mention::size)
		.reversed()
		.thenComparingInt(Mention::edits)
		.thenComparingInt((Mention m) -> m.phrase().priority())
		.thenComparingInt(Mention::first);

	/** A clipped word ranks like a two-letter typo: any exact or closer match of the same words wins. */
	private static final int CLIPPING_EDITS = 2;

	private MentionFinder() {
	}

	static List<Mention> find(List<Token> tokens, List<Integer> content, Iterable<Phrase> phrases) {
		List<Mention> found = new ArrayList<>();
		for (Phrase phrase : phrases) {
			for (int p = 0; p + phrase.size() <= content.size(); p++) {
				int edits = matchAt(tokens, content, p, phrase);
				if (edits >= 0) {
					found.add(new Mention(phrase, content.get(p), content.get(p + phrase.size() - 1), edits));
				}
			}
		}
		return found;
	}

	static List<Mention> find(List<Token> tokens, List<Integer> content, PhraseBook book) {
		List<Mention> found = new ArrayList<>();
		for (int p = 0; p < content.size(); p++) {
			Token token = tokens.get(content.get(p));
			for (Phrase phrase : book.startingWith(token.key().charAt(0))) {
				if (p + phrase.size() <= content.size()) {
					int edits = matchAt(tokens, content, p, phrase);
					if (edits >= 0) {
						found.add(new Mention(phrase, content.get(p), content.get(p + phrase.size() - 1), edits));
					}
				}
			}
			int at = content.get(p);
			book.unclipped(token.form()).ifPresent((phrase) -> found.add(new Mention(phrase, at, at, CLIPPING_EDITS)));
		}
		return found;
	}

	static boolean isGrammarWord(String form) {
		return SpanishLexicon.isStopWord(form) || SpanishLexicon.CLAUSE_ENDERS.contains(form);
	}

	/** Total typo edits if the phrase matches at content position p, or -1. */
	private static int matchAt(List<Token> tokens, List<Integer> content, int p, Phrase phrase) {
		int edits = 0;
		for (int j = 0; j < phrase.size(); j++) {
			Token token = tokens.get(content.get(p + j));
			if (j > 0 && token.pauseBefore()) {
				return -1;
			}
			int cost = wordCost(phrase.keys().get(j), phrase.forms().get(j), token);
			if (cost < 0) {
				return -1;
			}
			edits += cost;
		}
		return edits;
	}

	private static int wordCost(String key, String form, Token token) {
		if (isGrammarWord(token.form()) || isGrammarWord(form)) {
			// Snowball roots of short words collide ("solo" and "solar" give "sol"; "mas" and "masa"):
			// a grammar word only meets another grammar word of the same stem ("otro", "otra").
			return (key.equals(token.key()) && isGrammarWord(token.form()) == isGrammarWord(form)) ? 0 : -1;
		}
		if (key.equals(token.key())) {
			return 0;
		}
		// "cuatro" is a number, not a typo for "cuadro".
		if (SpanishLexicon.quantity(token.form()) > 0) {
			return -1;
		}
		int allowed = Typos.allowedEdits(Math.min(form.length(), token.form().length()));
		if (allowed == 0 || key.charAt(0) != token.key().charAt(0)) {
			return -1;
		}
		// A typo can cut the ending the stemmer looks for ("amortiguadr"), so spellings are compared too. Stems
		// are shorter than words: a one-letter change between short stems is often another verb, not a typo
		// ("escríbeme" and "estriberas" share "es?rib").
		boolean stemsLongEnough = Math.min(key.length(), token.key().length()) >= 7;
		if ((stemsLongEnough && Typos.within(key, token.key(), 1)) || Typos.within(form, token.form(), 1)) {
			return 1;
		}
		// Two edits only between whole words: two between stems join different words ("escribem", "estriber").
		return (allowed >= 2 && Typos.within(form, token.form(), 2)) ? 2 : -1;
	}

}
