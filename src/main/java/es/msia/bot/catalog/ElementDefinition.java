package es.msia.bot.catalog;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A reform a customer can name. An element with variants is an umbrella: it is never priced itself,
 * one or more of its variants are.
 *
 * @param code stable key
 * @param nameEs display name
 * @param group group it counts in (for umbrellas only a conservative fallback)
 * @param keywords normalised words customers type (lower case, no accents, n for n-tilde)
 * @param aliases other names, same normalisation
 * @param variantQuestionEs question that resolves an umbrella to variants; {@code null} otherwise
 * @param variants the variants; empty for a plain element
 * @param warnings warnings shown when the element or one of its variants is quoted
 * @param requiredFields data to collect per selected item
 * @param photosEs photos the customer must send
 * @param exampleImages example slides, relative to {@code shared/business/}
 */
public record ElementDefinition(String code, String nameEs, String group, List<String> keywords, List<String> aliases,
		@Nullable String variantQuestionEs, List<VariantDefinition> variants, List<CatalogWarning> warnings,
		List<FieldSpec> requiredFields, List<String> photosEs, List<String> exampleImages) {

	public ElementDefinition {
		keywords = List.copyOf(keywords);
		aliases = List.copyOf(aliases);
		variants = List.copyOf(variants);
		warnings = List.copyOf(warnings);
		requiredFields = List.copyOf(requiredFields);
		photosEs = List.copyOf(photosEs);
		exampleImages = List.copyOf(exampleImages);
	}

	/**
	 * Hashes the code only: equal elements have equal codes, and the matcher keys sets and maps by
	 * element on every message, where the generated hash walked every keyword, variant and field (6 % of
	 * a turn's CPU in the profile of #16). Equality still compares every component.
	 */
	@Override
	public int hashCode() {
		return this.code.hashCode();
	}

	/** Whether this element must be resolved to variants before it can be priced. */
	public boolean isUmbrella() {
		return !this.variants.isEmpty();
	}

	/** The variant with this code, if it belongs to this element. */
	public Optional<VariantDefinition> variant(String variantCode) {
		return this.variants.stream().filter((v) -> v.code().equals(variantCode)).findFirst();
	}

}
