package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Chooses which found mentions count: the longest match wins and a word used by a longer match is
 * not reused. Refinements ("delanteros", "equivalentes") count only after a mention of their own
 * umbrella in the same sentence, and may then take words from a shorter plain match ("tapa el
 * galibo" after "toldo" beats the element "galibo").
 */
final class MentionSelector {

	/** How far after its umbrella a refinement may stand, in words. */
	private static final int REFINEMENT_REACH = 8;

	private static final Set<String> LINKS = Set.of("de", "del", "la", "el", "los", "las");

	private MentionSelector() {
	}

	static List<Mention> select(List<Token> tokens, List<Mention> candidates) {
		List<Mention> ordered = new ArrayList<>(candidates);
		ordered.sort(MentionFinder.PREFERENCE);
		List<Mention> chosen = new ArrayList<>();
		for (Mention mention : ordered) {
			if (mention.phrase().kind() != Phrase.Kind.REFINEMENT && chosen.stream().noneMatch(mention::overlaps)) {
				chosen.add(mention);
			}
		}
		// "bomba de freno Nissin de otra moto": a mention that only complements another (the maker's
		// name here) is not what a refinement after it is about.
		List<Mention> plain = new ArrayList<>(chosen);
		plain.sort(Comparator.comparingInt(Mention::first));
		Set<Mention> complements = Complements.of(tokens, plain);
		for (Mention refinement : ordered) {
			if (refinement.phrase().kind() == Phrase.Kind.REFINEMENT) {
				tryRefinement(tokens, chosen, refinement, complements);
			}
		}
		chosen.sort(Comparator.comparingInt(Mention::first));
		return chosen;
	}

	/** Longest-first selection without the refinement rule, for answers to a variant question. */
	static List<Mention> selectPlain(List<Mention> candidates) {
		List<Mention> ordered = new ArrayList<>(candidates);
		ordered.sort(MentionFinder.PREFERENCE);
		List<Mention> chosen = new ArrayList<>();
		for (Mention mention : ordered) {
			if (chosen.stream().noneMatch(mention::overlaps)) {
				chosen.add(mention);
			}
		}
		chosen.sort(Comparator.comparingInt(Mention::first));
		return chosen;
	}

	private static void tryRefinement(List<Token> tokens, List<Mention> chosen, Mention refinement,
			Set<Mention> complements) {
		List<Mention> overlapped = chosen.stream().filter(refinement::overlaps).toList();
		boolean blocked = overlapped.stream()
			.anyMatch((m) -> m.sameElement(refinement) || m.size() > refinement.size()
					|| m.phrase().kind() == Phrase.Kind.REFINEMENT);
		if (!blocked && hasAnchor(tokens, chosen, refinement, complements)) {
			chosen.removeAll(overlapped);
			chosen.add(refinement);
		}
	}

	private static boolean hasAnchor(List<Token> tokens, List<Mention> chosen, Mention refinement,
			Set<Mention> complements) {
		Mention nearest = null;
		for (Mention m : chosen) {
			if (m.last() < refinement.first() && !refinement.overlaps(m) && !complements.contains(m)
					&& (nearest == null || m.last() > nearest.last())) {
				nearest = m;
			}
		}
		boolean before = nearest != null && nearest.sameElement(refinement)
				&& refinement.first() - nearest.last() <= REFINEMENT_REACH
				&& sameSentence(tokens, nearest.last(), refinement.first());
		return before || ownerFollows(tokens, chosen, refinement);
	}

	// "depósito fijo de GLP": the refinement comes first and its umbrella follows as its complement.
	private static boolean ownerFollows(List<Token> tokens, List<Mention> chosen, Mention refinement) {
		int k = refinement.last() + 1;
		if (k >= tokens.size() || !LINKS.contains(tokens.get(k).form())) {
			return false;
		}
		while (k < tokens.size() && LINKS.contains(tokens.get(k).form()) && !tokens.get(k).pauseBefore()) {
			k++;
		}
		int next = k;
		return next < tokens.size() && !tokens.get(next).pauseBefore()
				&& chosen.stream().anyMatch((m) -> m.first() == next && m.sameElement(refinement));
	}

	private static boolean sameSentence(List<Token> tokens, int from, int to) {
		for (int i = from + 1; i <= to; i++) {
			if (tokens.get(i).sentenceStart()) {
				return false;
			}
		}
		return true;
	}

}
