package es.msia.bot.catalog.web;

import java.math.BigDecimal;
import java.util.List;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import org.jspecify.annotations.Nullable;

/** JSON shapes of the public catalogue endpoints: codes as the catalogue spells them, image URLs added. */
final class CatalogViews {

	private CatalogViews() {
	}

	record CategorySummary(String slug, String nameEs, String vehicleType, String clientType, String scopeNoteEs) {

		static CategorySummary of(CategoryDefinition c) {
			return new CategorySummary(c.slug(), c.nameEs(), c.vehicleType().code(), c.clientType().code(),
					c.scopeNoteEs());
		}

	}

	record CategoryView(String slug, String nameEs, String vehicleType, String clientType, String scopeNoteEs,
			String catalogVersion, List<GroupDefinition> groups, List<TierView> tiers,
			List<SurchargeDefinition> surcharges, List<ExtraDefinition> extras, List<DocumentView> baseDocuments,
			List<CatalogWarning> warnings, List<ElementView> elements) {

		static CategoryView of(CategoryDefinition c, String version, ImageUrls urls) {
			return new CategoryView(c.slug(), c.nameEs(), c.vehicleType().code(), c.clientType().code(),
					c.scopeNoteEs(), version, c.groups(), c.tiers().stream().map(TierView::of).toList(), c.surcharges(), c.extras(),
					c.baseDocuments().stream().map((d) -> DocumentView.of(d, urls)).toList(), c.warnings(),
					c.elements().stream().map((e) -> ElementView.of(e, urls)).toList());
		}

	}

	/**
	 * A tier with its caps spelled out: the API omits null values, so "unlimited" is an explicit flag
	 * instead of a null cap; a group absent from {@code admits} is not admitted.
	 */
	record TierView(String code, String nameEs, BigDecimal price, boolean requiresProject, List<Admit> admits,
			String includesEs, String turnaroundEs) {

		static TierView of(TierDefinition t) {
			return new TierView(t.code(), t.nameEs(), t.price(), t.requiresProject(),
					t.admits().entrySet().stream().map((a) -> new Admit(a.getKey(), a.getValue(), a.getValue() == null)).toList(),
					t.includesEs(), t.turnaroundEs());
		}

	}

	record Admit(String group, @Nullable Integer maxCount, boolean unlimited) {
	}

	record DocumentView(String code, String nameEs, String instructionEs, @Nullable String exampleImage,
			@Nullable String exampleImageUrl) {

		static DocumentView of(BaseDocument d, ImageUrls urls) {
			return new DocumentView(d.code(), d.nameEs(), d.instructionEs(), d.exampleImage(),
					urls.url(d.exampleImage()));
		}

	}

	record ElementView(String code, String nameEs, String group, List<String> keywords, List<String> aliases,
			@Nullable String variantQuestionEs, List<VariantDefinition> variants, List<CatalogWarning> warnings,
			List<FieldSpec> requiredFields, List<String> photosEs, List<String> exampleImages,
			List<String> exampleImageUrls) {

		static ElementView of(ElementDefinition e, ImageUrls urls) {
			return new ElementView(e.code(), e.nameEs(), e.group(), e.keywords(), e.aliases(), e.variantQuestionEs(),
					e.variants(), e.warnings(), e.requiredFields(), e.photosEs(), e.exampleImages(),
					e.exampleImages().stream().map(urls::url).toList());
		}

	}

}
