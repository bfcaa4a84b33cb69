package es.msia.bot.catalog.matching;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.MatchResult;
import es.msia.bot.catalog.MatchedItem;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.QuoteNotPossible;
import es.msia.bot.catalog.VariantAnswer;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.VariantOption;

/**
 * Matching for one category: finds mentions, applies negation, groups variants under their umbrella
 * and reports what is left unresolved. Internal; reached through {@code ElementMatcher}.
 */
public final class CategoryMatcher {

	private final CategoryDefinition category;

	private final PhraseBook book;

	public CategoryMatcher(CategoryDefinition category) {
		this.category = category;
		this.book = new PhraseBook(category);
	}

	public MatchResult match(String text) {
		List<Token> tokens = TextNormalizer.tokenize(text);
		List<Mention> mentions = MentionSelector.select(tokens, MentionFinder.find(tokens, contentIndexes(tokens), this.book));
		Set<Mention> negated = Negations.negated(tokens, mentions);
		Set<Mention> complements = Complements.of(tokens, mentions);
		Set<String> excluded = new LinkedHashSet<>();
		negated.stream().sorted(java.util.Comparator.comparingInt(Mention::first)).forEach((m) -> excluded.add(m.phrase().code()));
		Map<String, MatchedItem> items = new LinkedHashMap<>();
		Map<String, PendingVariantQuestion> pending = new LinkedHashMap<>();
		for (Mention mention : mentions) {
			if (!negated.contains(mention) && !complements.contains(mention) && !negatedLater(mention, negated)) {
				collect(text, tokens, mention, items, pending);
			}
		}
		List<MatchedItem> chosen = chooseVariants(items);
		chosen.forEach((item) -> pending.remove(item.umbrellaCode()));
		// "las ventanas son las de serie, solo hemos puesto la claraboya": one element named twice, the
		// later mention kept; it is then not excluded either.
		chosen.forEach((item) -> excluded.remove(item.code()));
		excluded.removeAll(pending.keySet());
		return new MatchResult(chosen, new ArrayList<>(pending.values()), new ArrayList<>(excluded),
				UnknownTerms.find(tokens, mentions, this.book.stemsOf(mentionedElements(mentions))));
	}

	public VariantAnswer resolveAnswer(String umbrellaCode, String answer) {
		ElementDefinition umbrella = this.category.element(umbrellaCode)
			.filter(ElementDefinition::isUmbrella)
			.orElseThrow(() -> new QuoteNotPossible("Unknown umbrella '" + umbrellaCode + "' in " + this.category.slug()));
		List<Token> tokens = TextNormalizer.tokenize(answer);
		List<Phrase> phrases = this.book.all().stream().filter((p) -> p.variant() != null && p.element() == umbrella).toList();
		List<Mention> mentions = MentionSelector.selectPlain(MentionFinder.find(tokens, contentIndexes(tokens), phrases));
		Set<Mention> negated = Negations.negated(tokens, mentions);
		List<VariantDefinition> found = new ArrayList<>();
		mentions.stream().filter((m) -> !negated.contains(m)).map((m) -> m.phrase().variant()).distinct().forEach(found::add);
		if (found.isEmpty() && offersAll(umbrella) && tokens.stream().anyMatch((t) -> SpanishLexicon.ALL_OF_THEM.contains(t.form()))) {
			found.addAll(umbrella.variants());
		}
		return new VariantAnswer(umbrellaCode,
				VariantChoice.choose(this.category, umbrella, found).stream().map(VariantDefinition::code).toList());
	}

	/**
	 * The option with this number as a repeated question lists them (from 1, in catalogue order); no
	 * variant when the number is not one of them.
	 */
	public VariantAnswer resolveOptionNumber(String umbrellaCode, int number) {
		List<VariantDefinition> variants = this.category.element(umbrellaCode).map(ElementDefinition::variants).orElse(List.of());
		return new VariantAnswer(umbrellaCode,
				number >= 1 && number <= variants.size() ? List.of(variants.get(number - 1).code()) : List.of());
	}

	private void collect(String text, List<Token> tokens, Mention mention, Map<String, MatchedItem> items,
			Map<String, PendingVariantQuestion> pending) {
		Phrase phrase = mention.phrase();
		ElementDefinition element = phrase.element();
		String span = text.substring(tokens.get(mention.first()).start(), tokens.get(mention.last()).end());
		int quantity = Quantities.of(tokens, mention);
		if (phrase.variant() != null) {
			items.putIfAbsent(phrase.code(), new MatchedItem(phrase.code(), phrase.variant().nameEs(), span, true, element.code(), quantity));
		}
		else if (element.isUmbrella()) {
			pending.putIfAbsent(element.code(), question(element, span, quantity));
		}
		else {
			items.putIfAbsent(element.code(), new MatchedItem(element.code(), element.nameEs(), span, false, null, quantity));
		}
	}

	private List<MatchedItem> chooseVariants(Map<String, MatchedItem> items) {
		Map<String, List<VariantDefinition>> byUmbrella = new LinkedHashMap<>();
		for (MatchedItem item : items.values()) {
			if (item.variant()) {
				ElementDefinition umbrella = this.category.element(item.umbrellaCode()).orElseThrow();
				byUmbrella.computeIfAbsent(umbrella.code(), (c) -> new ArrayList<>()).add(umbrella.variant(item.code()).orElseThrow());
			}
		}
		Set<String> kept = new LinkedHashSet<>();
		byUmbrella.forEach((code, variants) -> VariantChoice.choose(this.category, this.category.element(code).orElseThrow(), variants)
			.forEach((v) -> kept.add(v.code())));
		return items.values().stream().filter((i) -> !i.variant() || kept.contains(i.code())).toList();
	}

	private static PendingVariantQuestion question(ElementDefinition umbrella, String span, int quantity) {
		List<VariantOption> options = umbrella.variants().stream().map((v) -> new VariantOption(v.code(), v.nameEs())).toList();
		return new PendingVariantQuestion(umbrella.code(), umbrella.nameEs(), String.valueOf(umbrella.variantQuestionEs()),
				options, span, quantity);
	}

	// The question itself offers "o las dos" / "o los dos": then "ambas", "las dos" select every variant.
	private static boolean offersAll(ElementDefinition umbrella) {
		String question = TextNormalizer.fold(String.valueOf(umbrella.variantQuestionEs()));
		return question.contains("las dos") || question.contains("los dos") || question.contains("ambos")
				|| question.contains("ambas");
	}

	// "he cambiado el escape... bueno, el escape no": a later negation of the same code takes it back.
	private static boolean negatedLater(Mention mention, Set<Mention> negated) {
		return negated.stream().anyMatch((n) -> n.first() > mention.first() && n.phrase().code().equals(mention.phrase().code()));
	}

	private static Set<ElementDefinition> mentionedElements(List<Mention> mentions) {
		Set<ElementDefinition> elements = new HashSet<>();
		mentions.forEach((m) -> elements.add(m.phrase().element()));
		return elements;
	}

	private static List<Integer> contentIndexes(List<Token> tokens) {
		List<Integer> content = new ArrayList<>(tokens.size());
		for (int i = 0; i < tokens.size(); i++) {
			if (!SpanishLexicon.FUNCTION_WORDS.contains(tokens.get(i).form())) {
				content.add(i);
			}
		}
		return content;
	}

}
