package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * All phrases of one category, built from its keywords, aliases and variant keywords.
 * <p>
 * A variant keyword names the variant on its own when it contains a word that is itself a one-word
 * keyword of the umbrella ("suspension trasera", "faro"), when it repeats an umbrella keyword
 * ("balonas"), or when it is a distinctive word (used by no other phrase) of a variant of a "parts" umbrella (all variants
 * in one group, e.g. lights: "catadioptrico"). Every other variant keyword ("delanteros",
 * "equivalentes", "maletero") only refines an umbrella named nearby.
 */
final class PhraseBook {

	private static final int MIN_CLIPPING = 5;

	private final List<Phrase> phrases = new ArrayList<>();

	private final Map<Character, List<Phrase>> byInitial = new HashMap<>();

	// Per element code, the stems of all its phrases: asked for on every message, built once.
	private final Map<String, Set<String>> stemsByElement = new HashMap<>();

	PhraseBook(CategoryDefinition category) {
		Map<String, Integer> keyOwners = keyOwnerCounts(category);
		for (ElementDefinition element : category.elements()) {
			element.keywords().forEach((k) -> add(k, Phrase.Kind.ELEMENT, element, null));
			element.aliases().forEach((k) -> add(k, Phrase.Kind.ELEMENT, element, null));
			for (VariantDefinition variant : element.variants()) {
				variant.keywords().forEach((k) -> add(k, variantKind(k, element, keyOwners), element, variant));
			}
		}
		this.phrases.forEach((p) -> this.byInitial.computeIfAbsent(p.keys().get(0).charAt(0), (c) -> new ArrayList<>()).add(p));
		this.phrases.forEach((p) -> this.stemsByElement.computeIfAbsent(p.element().code(), (c) -> new HashSet<>()).addAll(p.keys()));
	}

	/** Phrases whose first word starts with this letter (typos keep the first letter). */
	List<Phrase> startingWith(char initial) {
		return this.byInitial.getOrDefault(initial, List.of());
	}

	/**
	 * The one-word phrase a clipped word stands for, as Spanish speakers clip long nouns ("neumas" for
	 * neumáticos, "intermis" for intermitentes): the clipping keeps at least five letters, leaves out at
	 * least three, and must point at a single element of the category, else it names nothing.
	 */
	Optional<Phrase> unclipped(String word) {
		String clipped = word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
		if (clipped.length() < MIN_CLIPPING || SpanishLexicon.isStopWord(word) || SpanishLexicon.isActionVerb(word)) {
			return Optional.empty();
		}
		List<Phrase> candidates = startingWith(clipped.charAt(0)).stream()
			.filter((p) -> p.size() == 1 && p.kind() != Phrase.Kind.REFINEMENT)
			.filter((p) -> p.forms().get(0).startsWith(clipped) && p.forms().get(0).length() >= clipped.length() + 3)
			.sorted(Comparator.comparingInt((Phrase p) -> p.forms().get(0).length()))
			.toList();
		boolean oneElement = candidates.stream().map(Phrase::code).distinct().count() == 1;
		return oneElement ? Optional.of(candidates.get(0)) : Optional.empty();
	}

	/** Stems of every word of the phrases of these elements. */
	Set<String> stemsOf(Set<ElementDefinition> elements) {
		Set<String> stems = new HashSet<>();
		elements.forEach((e) -> stems.addAll(this.stemsByElement.getOrDefault(e.code(), Set.of())));
		return stems;
	}

	List<Phrase> all() {
		return this.phrases;
	}

	private void add(String keyword, Phrase.Kind kind, ElementDefinition element, @Nullable VariantDefinition variant) {
		List<String> forms = contentForms(keyword);
		if (!forms.isEmpty()) {
			List<String> keys = forms.stream().map(SpanishStems::stem).toList();
			Set<String> named = nameStems(element);
			if (variant != null) {
				named.addAll(contentForms(variant.nameEs()).stream().map(SpanishStems::stem).toList());
			}
			this.phrases.add(new Phrase(forms, keys, kind, element, variant, named.containsAll(keys)));
		}
	}

	private static Set<String> nameStems(ElementDefinition element) {
		return new HashSet<>(contentForms(element.nameEs()).stream().map(SpanishStems::stem).toList());
	}

	static List<String> contentForms(String keyword) {
		return TextNormalizer.tokenize(keyword)
			.stream()
			.map(Token::form)
			.filter((f) -> !SpanishLexicon.FUNCTION_WORDS.contains(f))
			.toList();
	}

	private static Phrase.Kind variantKind(String keyword, ElementDefinition umbrella, Map<String, Integer> owners) {
		List<String> keys = contentForms(keyword).stream().map(SpanishStems::stem).toList();
		List<String> nounKeys = contentForms(keyword).stream()
			.filter((f) -> !MentionFinder.isGrammarWord(f))
			.map(SpanishStems::stem)
			.toList();
		if (umbrella.keywords().contains(keyword) || nounKeys.stream().anyMatch(umbrellaNouns(umbrella)::contains)) {
			return Phrase.Kind.VARIANT;
		}
		List<String> forms = contentForms(keyword);
		boolean distinctive = false;
		for (int i = 0; i < keys.size(); i++) {
			distinctive |= forms.get(i).length() >= 4 && !SpanishLexicon.isQualifier(keys.get(i))
					&& owners.getOrDefault(keys.get(i), 0) == 1;
		}
		return (distinctive && isPartsUmbrella(umbrella)) ? Phrase.Kind.VARIANT : Phrase.Kind.REFINEMENT;
	}

	// Words that name the umbrella itself: one-word keywords, and the head noun of longer ones ("placas"
	// of "placas solares", so "solo las placas" names its variant), unless the head is a qualifier
	// ("medida") or a verb ("subir mmta").
	private static Set<String> umbrellaNouns(ElementDefinition umbrella) {
		Set<String> keys = new HashSet<>();
		List<String> words = new ArrayList<>(umbrella.keywords());
		words.addAll(umbrella.aliases());
		for (String word : words) {
			List<String> forms = contentForms(word);
			String head = forms.isEmpty() ? "" : forms.get(0);
			if (forms.size() == 1 || (head.length() >= 5 && !SpanishLexicon.isQualifier(SpanishStems.stem(head))
					&& !SpanishLexicon.isActionVerb(head) && !isInfinitive(head))) {
				keys.add(SpanishStems.stem(head));
			}
		}
		return keys;
	}

	private static boolean isInfinitive(String form) {
		return form.endsWith("ar") || form.endsWith("er") || form.endsWith("ir");
	}

	// Variants of one group are physically different parts (front/rear, each light); variants in
	// different groups are alternatives of one part (equivalent or not) and need the umbrella named.
	static boolean isPartsUmbrella(ElementDefinition umbrella) {
		return umbrella.variants().stream().map(VariantDefinition::group).distinct().count() == 1;
	}

	// How many distinct phrases (element or variant) use a word: a word used once is distinctive.
	private static Map<String, Integer> keyOwnerCounts(CategoryDefinition category) {
		Map<String, Set<String>> owners = new HashMap<>();
		for (ElementDefinition element : category.elements()) {
			List<String> words = new ArrayList<>(element.keywords());
			words.addAll(element.aliases());
			words.forEach((w) -> contentForms(w).forEach((f) -> owners.computeIfAbsent(SpanishStems.stem(f), (k) -> new HashSet<>()).add(element.code())));
			for (VariantDefinition variant : element.variants()) {
				variant.keywords().forEach((w) -> contentForms(w).forEach((f) -> owners.computeIfAbsent(SpanishStems.stem(f), (k) -> new HashSet<>()).add(variant.code())));
			}
		}
		Map<String, Integer> counts = new HashMap<>();
		owners.forEach((key, codes) -> counts.put(key, codes.size()));
		return counts;
	}

}
