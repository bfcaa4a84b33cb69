package es.msia.bot.catalog.web;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.FieldCondition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.WarningSeverity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * Bodies of the admin catalogue API. Bean Validation covers each field on its own; relations (known
 * groups, tiers and elements, unique codes and keywords) are checked by {@code CatalogEdits} against
 * the whole catalogue. Keywords and aliases are folded the way the matcher expects (lower case, no
 * accents, n for n-tilde), so staff can type them naturally.
 */
final class AdminRequests {

	static final String CODE = "^[A-Z0-9_]+$";

	private AdminRequests() {
	}

	/** Partial tier update: absent fields keep their value; {@code admits} replaces the whole map. */
	record TierUpdate(@Size(min = 1, max = 200) @Nullable String nameEs,
			@Positive @Digits(integer = 8, fraction = 2) @Nullable BigDecimal price, @Nullable Boolean requiresProject,
			@Nullable String includesEs, @Nullable String turnaroundEs,
			@Nullable Map<@Pattern(regexp = CODE) String, @PositiveOrZero Integer> admits) {

		TierDefinition applyTo(TierDefinition tier) {
			return new TierDefinition(tier.code(), or(this.nameEs, tier.nameEs()), or(this.price, tier.price()),
					or(this.requiresProject, tier.requiresProject()), (this.admits != null) ? this.admits : tier.admits(),
					or(this.includesEs, tier.includesEs()), or(this.turnaroundEs, tier.turnaroundEs()));
		}

	}

	record ElementRequest(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank @Size(max = 200) String nameEs,
			@NotBlank @Pattern(regexp = CODE) String group, @NotNull List<@NotBlank String> keywords,
			@Nullable List<@NotBlank String> aliases, @Nullable String variantQuestionEs,
			@Nullable List<@Valid VariantRequest> variants, @Nullable List<@Valid ElementWarning> warnings,
			@Nullable List<@Valid FieldRequest> requiredFields, @Nullable List<@NotBlank String> photosEs,
			@Nullable List<@NotBlank @Pattern(regexp = "^[^.\\\\:]+(\\.[a-zA-Z]+)?$") String> exampleImages) {

		ElementDefinition toDefinition() {
			return new ElementDefinition(this.code, this.nameEs, this.group, fold(this.keywords), fold(list(this.aliases)),
					(this.variantQuestionEs == null || this.variantQuestionEs.isBlank()) ? null : this.variantQuestionEs,
					list(this.variants).stream().map(VariantRequest::toDefinition).toList(),
					list(this.warnings).stream().map(ElementWarning::toDefinition).toList(),
					list(this.requiredFields).stream().map(FieldRequest::toDefinition).toList(), list(this.photosEs),
					list(this.exampleImages));
		}

	}

	record VariantRequest(@NotBlank @Pattern(regexp = CODE) String code, @NotBlank String nameEs,
			@NotBlank @Pattern(regexp = CODE) String group, @NotNull List<@NotBlank String> keywords) {

		VariantDefinition toDefinition() {
			return new VariantDefinition(this.code, this.nameEs, this.group, fold(this.keywords));
		}

	}

	record ElementWarning(@NotBlank @Pattern(regexp = CODE) String code,
			@NotBlank @Pattern(regexp = "info|warning") String severity, @NotBlank String textEs) {

		CatalogWarning toDefinition() {
			return new CatalogWarning(this.code, WarningSeverity.fromCode(this.severity), this.textEs,
					CatalogWarning.ELEMENT_SCOPE);
		}

	}

	record FieldRequest(@NotBlank @Pattern(regexp = "^[a-z0-9_]+$") String key, @NotBlank String labelEs,
			@NotBlank @Pattern(regexp = "text|number|boolean|select") String type, @Nullable List<@NotBlank String> options,
			boolean required, @Nullable BigDecimal min, @Nullable BigDecimal max, @Nullable String pattern,
			@Nullable String example, @Nullable @Valid Condition when) {

		FieldSpec toDefinition() {
			return new FieldSpec(this.key, this.labelEs, FieldType.fromCode(this.type), list(this.options), this.required,
					this.min, this.max, this.pattern, this.example,
					(this.when == null) ? null : new FieldCondition(this.when.field(), this.when.equals()));
		}

	}

	record Condition(@NotBlank String field, @NotBlank String equals) {
	}

	record SurchargeRequest(@NotBlank String nameEs, @NotNull @Positive @Digits(integer = 8, fraction = 2) BigDecimal price,
			@NotEmpty List<@Pattern(regexp = CODE) String> appliesTo, boolean onRequest,
			@Nullable List<@Pattern(regexp = CODE) String> triggerElements) {

		SurchargeDefinition toDefinition(String code) {
			return new SurchargeDefinition(code, this.nameEs, this.price, this.appliesTo, this.onRequest,
					list(this.triggerElements));
		}

	}

	record ExtraRequest(@NotBlank String nameEs, @Positive @Digits(integer = 8, fraction = 2) @Nullable BigDecimal price,
			@Nullable String priceTextEs, @NotBlank @Pattern(regexp = "per_case|per_hour") String unit) {

		ExtraDefinition toDefinition(String code) {
			return new ExtraDefinition(code, this.nameEs, this.price, this.priceTextEs, this.unit);
		}

	}

	record DocumentRequest(@NotBlank String nameEs, @NotBlank String instructionEs,
			@Nullable @Pattern(regexp = "^[^.\\\\:]+(\\.[a-zA-Z]+)?$") String exampleImage) {

		BaseDocument toDefinition(String code) {
			return new BaseDocument(code, this.nameEs, this.instructionEs, this.exampleImage);
		}

	}

	record WarningRequest(@NotBlank @Pattern(regexp = "info|warning") String severity, @NotBlank String textEs,
			@NotBlank @Pattern(regexp = "category|tier:[A-Z0-9_]+") String scope) {

		CatalogWarning toDefinition(String code) {
			return new CatalogWarning(code, WarningSeverity.fromCode(this.severity), this.textEs, this.scope);
		}

	}

	private static <T> T or(@Nullable T value, T fallback) {
		return (value != null) ? value : fallback;
	}

	private static <T> List<T> list(@Nullable List<T> values) {
		return (values != null) ? values : List.of();
	}

	static List<String> fold(List<String> words) {
		List<String> folded = new ArrayList<>();
		for (String word : words) {
			String lower = word.trim().toLowerCase(Locale.ROOT).replace('ñ', 'n');
			String plain = Normalizer.normalize(lower, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
			if (!folded.contains(plain)) {
				folded.add(plain);
			}
		}
		return folded;
	}

}
