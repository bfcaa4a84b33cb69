package es.msia.bot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks one of a select field's options from what the customer typed: the option itself (tolerating case,
 * accents and small typos: edit distance ≤ 2, or ≤ 1 for short words), a prefix of at least 4 letters, its
 * number in the list ("2", "la segunda"), or a word that only that option has ("el de serie no, el
 * lateral", "solo el silencioso", "lo he recortado").
 */
public final class SelectOption {

	private static final List<String> ORDINALS = List.of("primer", "segund", "tercer", "cuart", "quint", "sext");

	/** Everyday words and the stem of the option word they stand for. */
	private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("atras", "tras"),
			Map.entry("detras", "tras"), Map.entry("delante", "delan"), Map.entry("quita", "elimi"),
			Map.entry("quite", "elimi"), Map.entry("quitado", "elimi"), Map.entry("cambiado", "susti"),
			Map.entry("cambie", "susti"), Map.entry("carbono", "carbo"), Map.entry("fibra", "fibra"),
			Map.entry("entero", "compl"), Map.entry("entera", "compl"), Map.entry("anulado", "anula"),
			Map.entry("anule", "anula"));

	private static final Set<String> BOTH = Set.of("ambos", "ambas", "los dos", "las dos", "los 2", "las 2",
			"delante y detras", "delante y atras", "los dos lados");

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
		String byNumber = byNumber(typed, options);
		if (byNumber != null) {
			return byNumber;
		}
		String byWord = byDistinctiveWord(typed, options);
		if (byWord != null) {
			return byWord;
		}
		throw new InvalidValue("select.unknown", raw.trim());
	}

	private static String byNumber(String typed, List<String> options) {
		String bare = typed.replaceAll("^(?:la|el|opcion|la opcion|el numero|numero)\\s+", "").trim();
		if (bare.matches("[1-9]") && Integer.parseInt(bare) <= options.size()) {
			return options.get(Integer.parseInt(bare) - 1);
		}
		for (int i = 0; i < Math.min(ORDINALS.size(), options.size()); i++) {
			if (bare.matches(ORDINALS.get(i) + "(a|o|os|as)?( opcion)?")) {
				return options.get(i);
			}
		}
		return null;
	}

	/**
	 * The single option with the most words that no other option has, compared by their first five letters
	 * (Spanish inflection changes endings: "delanteros" → "Delantero", "recortado" → "Recorte").
	 */
	private static String byDistinctiveWord(String typed, List<String> options) {
		Set<String> said = stems(typed);
		String best = null;
		int bestHits = 0;
		boolean tie = false;
		for (String option : options) {
			Set<String> own = stems(Normalize.folded(option));
			for (String other : options) {
				if (!other.equals(option)) {
					own.removeAll(stems(Normalize.folded(other)));
				}
			}
			own.retainAll(said);
			if (own.size() > bestHits) {
				best = option;
				bestHits = own.size();
				tie = false;
			}
			else if (own.size() == bestHits && bestHits > 0) {
				tie = true;
			}
		}
		if (!tie && best != null) {
			return best;
		}
		// "el de delante" names "Delantero" whole and "Delantero y trasero" only in part.
		List<String> whole = options.stream().filter(o -> !stems(Normalize.folded(o)).isEmpty()
				&& said.containsAll(stems(Normalize.folded(o)))).toList();
		int most = whole.stream().mapToInt(o -> stems(Normalize.folded(o)).size()).max().orElse(0);
		List<String> widest = whole.stream().filter(o -> stems(Normalize.folded(o)).size() == most).toList();
		if (widest.size() == 1) {
			return widest.get(0);
		}
		if (BOTH.stream().anyMatch(b -> (" " + typed + " ").contains(" " + b + " "))) {
			List<String> both = options.stream().filter(o -> Normalize.folded(o).contains(" y ")).toList();
			if (both.size() == 1) {
				return both.get(0);
			}
		}
		return null;
	}

	private static Set<String> stems(String folded) {
		Set<String> stems = new java.util.HashSet<>();
		for (String word : folded.split("[^a-z0-9]+")) {
			if (word.length() >= 4) {
				String mapped = SYNONYMS.getOrDefault(word, word);
				stems.add(mapped.length() > 5 ? mapped.substring(0, 5) : mapped);
			}
		}
		return new java.util.HashSet<>(new ArrayList<>(stems));
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
