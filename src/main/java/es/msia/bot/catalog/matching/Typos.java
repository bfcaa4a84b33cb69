package es.msia.bot.catalog.matching;

/**
 * Typo tolerance: optimal-string-alignment (restricted Damerau-Levenshtein) distance with a cut-off.
 * Short words get none, because in Spanish a one-letter change often makes another real word
 * (faro/fare, bola/bolo).
 */
final class Typos {

	private Typos() {
	}

	/** Edits allowed for a word of this length: none below 6 letters, 1 from 6, 2 from 9. */
	static int allowedEdits(int length) {
		if (length >= 9) {
			return 2;
		}
		return (length >= 6) ? 1 : 0;
	}

	static boolean within(String a, String b, int max) {
		if (Math.abs(a.length() - b.length()) > max) {
			return false;
		}
		int[] previous2 = new int[b.length() + 1];
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			int rowMin = current[0];
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					value = Math.min(value, previous2[j - 2] + 1);
				}
				current[j] = value;
				rowMin = Math.min(rowMin, value);
			}
			if (rowMin > max) {
				return false;
			}
			int[] recycled = previous2;
			previous2 = previous;
			previous = current;
			current = recycled;
		}
		return previous[b.length()] <= max;
	}

}
