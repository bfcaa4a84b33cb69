package es.msia.bot.cases;

import java.util.List;

/**
 * Picks one of a select field's options from what the customer typed, tolerating case, accents and small
 * typos (edit distance ≤ 2, or ≤ 1 for short words), or a prefix of at least 4 letters.
 */
public final class SelectOption {

	private SelectOption() {
	}

	/** The option the customer meant, as the catalogue spells it. */
	public static String of(String raw, List<String> options) {
		String typed = Normalize.folded(raw).replaceAll("[¡!¿?.,]", "").trim();
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String option : options) {
			String folded = Normalize.folded(option);
			if (folded.equals(typed)) {
				return option;
			}
			int distance = distance(folded, typed);
			if (distance < bestDistance) {
				bestDistance = distance;
				best = option;
			}
		}
		int allowed = typed.length() <= 4 ? 1 : 2;
		if (best != null && bestDistance <= allowed) {
			return best;
		}
		List<String> prefixed = options.stream().filter(o -> typed.length() >= 4 && Normalize.folded(o).startsWith(typed)).toList();
		if (prefixed.size() == 1) {
			return prefixed.get(0);
		}
		throw new InvalidValue("select.unknown", raw.trim());
	}

	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
