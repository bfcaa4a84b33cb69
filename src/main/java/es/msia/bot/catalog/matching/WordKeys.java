package es.msia.bot.catalog.matching;

/**
 * Reduces a Spanish word to a comparison key so that singular/plural and masculine/feminine forms
 * meet ("retrovisores" and "retrovisor", "delantera" and "delanteros", "luces" and "luz"). The key
 * is not a linguistic stem; it only has to be the same for the forms customers mix up.
 */
final class WordKeys {

	private WordKeys() {
	}

	static String key(String word) {
		if (word.length() <= 3 || !Character.isLetter(word.charAt(word.length() - 1))) {
			return word;
		}
		String w = word;
		if (w.endsWith("ces")) {
			w = w.substring(0, w.length() - 3) + "z";
		}
		else if (w.endsWith("es") && w.length() > 4 && isSoftConsonant(w.charAt(w.length() - 3))) {
			w = w.substring(0, w.length() - 2);
		}
		else if (w.endsWith("s")) {
			w = w.substring(0, w.length() - 1);
		}
		if (w.endsWith("e") && w.length() > 4 && isSoftConsonant(w.charAt(w.length() - 2))) {
			w = w.substring(0, w.length() - 1);
		}
		if ((w.endsWith("a") || w.endsWith("o")) && w.length() > 3) {
			w = w.substring(0, w.length() - 1);
		}
		return w;
	}

	// Consonants after which Spanish forms the plural with -es (motor/motores, faro/faros is -s).
	private static boolean isSoftConsonant(char c) {
		return c == 'r' || c == 'l' || c == 'n' || c == 'd' || c == 'j' || c == 'z';
	}

}
