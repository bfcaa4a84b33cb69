package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prices a selection of reforms: the only place a price is computed. Stateless and thread-safe once
 * built; build one per catalogue version.
 */
public final class QuoteEngine {

	private static final int MONEY_SCALE = 2;

	private final CatalogDefinition catalog;

	private final Map<String, CountableItems> itemsByCategory;

	public QuoteEngine(CatalogDefinition catalog) {
		this.catalog = catalog;
		this.itemsByCategory = catalog.categories()
			.stream()
			.collect(Collectors.toMap(CategoryDefinition::slug, CountableItems::new));
	}

	/**
	 * Quotes for a customer: the client type and vehicle type choose the price list; without one the
	 * outcome is {@link NoTariff}, never a price.
	 * @param itemCodes plain element codes or variant codes (umbrella codes are rejected)
	 * @throws QuoteNotPossible for unknown codes, an empty selection or an unresolved umbrella
	 */
	public QuoteOutcome quote(ClientType client, VehicleType vehicle, Collection<String> itemCodes) {
		return this.catalog.categoryFor(client, vehicle)
			.<QuoteOutcome>map((category) -> quote(category.slug(), itemCodes))
			.orElseGet(() -> noTariff(client, vehicle));
	}

	/**
	 * Quotes a selection within a known category.
	 * @param itemCodes plain element codes or variant codes (umbrella codes are rejected)
	 * @throws QuoteNotPossible for an unknown category or code, an empty selection or an unresolved
	 * umbrella ({@link UmbrellaNotResolved})
	 */
	public Quote quote(String categorySlug, Collection<String> itemCodes) {
		CategoryDefinition category = this.catalog.category(categorySlug)
			.orElseThrow(() -> new QuoteNotPossible("Unknown category '" + categorySlug + "'"));
		List<CountableItems.Item> items = this.itemsByCategory.get(categorySlug).resolve(itemCodes);
		List<QuotedItem> quoted = items.stream().map(CountableItems.Item::quoted).toList();
		TierSelection selection = TierSelection.select(category, quoted);
		List<AppliedSurcharge> surcharges = surcharges(category, selection.tier(), quoted);
		BigDecimal tierPrice = money(selection.tier().price());
		BigDecimal subtotal = surcharges.stream().map(AppliedSurcharge::amount).reduce(tierPrice, BigDecimal::add);
		BigDecimal vat = money(subtotal.multiply(this.catalog.vatRate()));
		return new Quote(category.slug(), category.nameEs(), selection.tier().code(), selection.tier().nameEs(),
				selection.tier().requiresProject(), tierPrice, surcharges, subtotal, this.catalog.vatRate(), vat,
				subtotal.add(vat), quoted, warnings(category, selection.tier(), items), category.baseDocuments(),
				photos(items), category.extras(),
				this.catalog.caseData().workshop().partnerPrice(category.slug()).map(QuoteEngine::money).orElse(null),
				this.catalog.version(), TierExplanation.of(category, selection));
	}

	private static List<AppliedSurcharge> surcharges(CategoryDefinition category, TierDefinition tier,
			List<QuotedItem> items) {
		Set<String> codes = items.stream().map(QuotedItem::code).collect(Collectors.toSet());
		return category.surcharges()
			.stream()
			.filter((s) -> s.appliesTo().contains(tier.code()))
			.filter((s) -> s.triggerElements().stream().anyMatch(codes::contains))
			.map((s) -> new AppliedSurcharge(s.code(), s.nameEs(), money(s.price()), s.onRequest()))
			.toList();
	}

	// Category warnings first, then the quoted tier's, then each element's (an umbrella's warnings apply
	// to all its variants); the first occurrence of a code wins so the order is stable.
	private static List<CatalogWarning> warnings(CategoryDefinition category, TierDefinition tier,
			List<CountableItems.Item> items) {
		Map<String, CatalogWarning> byCode = new LinkedHashMap<>();
		category.warnings().stream().filter(CatalogWarning::isCategoryWide).forEach((w) -> byCode.putIfAbsent(w.code(), w));
		category.warnings().stream().filter((w) -> w.appliesToTier(tier.code())).forEach((w) -> byCode.putIfAbsent(w.code(), w));
		owners(items).forEach((e) -> e.warnings().forEach((w) -> byCode.putIfAbsent(w.code(), w)));
		return new ArrayList<>(byCode.values());
	}

	private static List<String> photos(List<CountableItems.Item> items) {
		Set<String> photos = new LinkedHashSet<>();
		owners(items).forEach((e) -> photos.addAll(e.photosEs()));
		return new ArrayList<>(photos);
	}

	private static Collection<ElementDefinition> owners(List<CountableItems.Item> items) {
		return items.stream()
			.map(CountableItems.Item::owner)
			.collect(Collectors.toMap(ElementDefinition::code, Function.identity(), (a, b) -> a, LinkedHashMap::new))
			.values();
	}

	private NoTariff noTariff(ClientType client, VehicleType vehicle) {
		String served = this.catalog.categories()
			.stream()
			.map((c) -> c.vehicleType().code() + " (" + c.clientType().code() + ")")
			.collect(Collectors.joining(", "));
		return new NoTariff(client, vehicle, "No hay tarifa para " + vehicle.code() + " de cliente "
				+ client.code() + ". Solo tenemos tarifa para: " + served + ". Lo revisa una persona del equipo.");
	}

	private static BigDecimal money(BigDecimal amount) {
		return amount.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
	}

}
