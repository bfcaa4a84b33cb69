package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reports words that look like a modification but match nothing ("he puesto un turbo"). To keep
 * precision high it only looks at the noun phrases right after a modification verb ("he puesto",
 * "quiero homologar") and at the ones coordinated with them by "y" or commas.
 */
final class UnknownTerms {

	/** Words that may open a noun phrase besides stop words: "otro", "nuevo", ordinals. */
	private static final Set<String> QUALIFYING_STEMS = SpanishStems.stems("otro", "nuevo", "primero", "segundo",
			"tercero", "tambien");

	private static final int MAX_PHRASES = 6;

	private UnknownTerms() {
	}

	/**
	 * @param catalogueStems stems of the keywords of the elements the message names: such a word is
	 *     not unknown even apart from the rest of its keyword ("nevera cambiada por una de compresor")
	 */
	static List<String> find(List<Token> tokens, List<Mention> mentions, Set<String> catalogueStems) {
		Mention[] owner = new Mention[tokens.size()];
		mentions.forEach((m) -> java.util.Arrays.fill(owner, m.first(), m.last() + 1, m));
		Set<String> unknown = new LinkedHashSet<>();
		for (int i = 0; i < tokens.size(); i++) {
			if (owner[i] == null && SpanishLexicon.isActionVerb(tokens.get(i).form()) && !negatedVerb(tokens, i)) {
				readPhrases(tokens, owner, i + 1, unknown, catalogueStems);
			}
		}
		return new ArrayList<>(unknown);
	}

	private static void readPhrases(List<Token> tokens, Mention[] owner, int from, Set<String> unknown,
			Set<String> catalogueStems) {
		int j = from;
		for (int phrase = 0; phrase < MAX_PHRASES && j < tokens.size(); phrase++) {
			j = skipDeterminers(tokens, j);
			if (j >= tokens.size() || (j > from && tokens.get(j).sentenceStart())) {
				return;
			}
			if (owner[j] != null) {
				j = owner[j].last() + 1;
			}
			else if (isContentNoun(tokens.get(j).form())) {
				if (!catalogueStems.contains(tokens.get(j).key())) {
					unknown.add(tokens.get(j).form());
				}
				j++;
			}
			else {
				return;
			}
			j = skipToConnector(tokens, owner, j);
			if (j < 0) {
				return;
			}
		}
	}

	private static int skipDeterminers(List<Token> tokens, int j) {
		while (j < tokens.size() && !tokens.get(j).sentenceStart() && (SpanishLexicon.FUNCTION_WORDS.contains(tokens.get(j).form())
				|| isDeterminer(tokens.get(j).form()) || SpanishLexicon.quantity(tokens.get(j).form()) > 0)) {
			j++;
		}
		return j;
	}

	// After a phrase, a coordinated one may follow ("un turbo y un escape", "turbo, escape"); up to two
	// trailing words (brand, adjective) are skipped on the way.
	private static int skipToConnector(List<Token> tokens, Mention[] owner, int j) {
		for (int skipped = 0; j < tokens.size() && skipped <= 2; skipped++) {
			Token token = tokens.get(j);
			if (token.sentenceStart()) {
				return -1;
			}
			if (token.form().equals("y") || token.form().equals("e") || token.form().equals("ni")) {
				return j + 1;
			}
			if (token.pauseBefore()) {
				return j;
			}
			if (owner[j] != null || SpanishLexicon.CLAUSE_ENDERS.contains(token.form()) || looksLikeVerb(token.form())) {
				return -1;
			}
			j++;
		}
		return -1;
	}

	private static boolean isDeterminer(String form) {
		return (SpanishLexicon.inStopList(form) && !SpanishLexicon.CLAUSE_ENDERS.contains(form))
				|| QUALIFYING_STEMS.contains(SpanishStems.stem(form));
	}

	private static boolean isContentNoun(String form) {
		return form.length() >= 3 && Character.isLetter(form.charAt(0)) && !SpanishLexicon.isStopWord(form)
				&& !SpanishLexicon.isActionVerb(form) && !SpanishLexicon.CLAUSE_ENDERS.contains(form)
				&& !SpanishLexicon.NEGATIONS.contains(form) && !SpanishLexicon.EXCEPTIONS.contains(form)
				&& !SpanishLexicon.isNegationFiller(form) && !looksLikeVerb(form);
	}

	// Infinitives and gerunds end a noun phrase ("he puesto escape y quiero saber..."); nouns ending
	// in -ar are rare among parts and already covered by catalogue keywords ("manillar").
	private static boolean looksLikeVerb(String form) {
		return form.length() >= 5 && (form.endsWith("ar") || form.endsWith("er") || form.endsWith("ir")
				|| form.endsWith("ando") || form.endsWith("iendo"));
	}

	private static boolean negatedVerb(List<Token> tokens, int i) {
		for (int k = Math.max(0, i - 3); k < i; k++) {
			if (SpanishLexicon.NEGATIONS.contains(tokens.get(k).form())) {
				return true;
			}
		}
		return false;
	}

}
