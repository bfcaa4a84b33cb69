package es.msia.bot.catalog.matching;

import java.util.List;

import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.VariantDefinition;
import org.jspecify.annotations.Nullable;

/**
 * A keyword or alias reduced to its content words, and what it names.
 *
 * @param forms normalised content words
 * @param keys comparison keys of {@code forms}
 * @param kind how the phrase may be used
 * @param element the element it names (for variants: the umbrella)
 * @param variant the variant it names, if any
 * @param inName whether every word of it is in the element's or variant's name ("manillar"), as
 *     opposed to a trade name or a colloquial word ("Brembo", "retros")
 */
record Phrase(List<String> forms, List<String> keys, Kind kind, ElementDefinition element,
		@Nullable VariantDefinition variant, boolean inName) {

	enum Kind {

		/** Names a plain element or an umbrella generically. */
		ELEMENT,
		/** Names a variant on its own ("suspension trasera", "catadioptrico"). */
		VARIANT,
		/** Only refines an umbrella named nearby ("delanteros", "equivalentes"). */
		REFINEMENT

	}

	int size() {
		return this.keys.size();
	}

	/** The code the phrase stands for: the variant's, else the element's. */
	String code() {
		return (this.variant != null) ? this.variant.code() : this.element.code();
	}

	/** Ranking when matches compete for the same words: variants beat the generic umbrella. */
	int priority() {
		return switch (this.kind) {
			case VARIANT -> 0;
			case ELEMENT -> 1;
			case REFINEMENT -> 2;
		};
	}

}
