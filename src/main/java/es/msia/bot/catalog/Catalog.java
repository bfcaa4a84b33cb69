package es.msia.bot.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import es.msia.bot.catalog.jdbc.CatalogSnapshots;
import es.msia.bot.catalog.jdbc.CatalogSnapshots.Snapshot;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The live tariff catalogue, read from PostgreSQL (seeded from {@code catalog-2026.json}, then edited
 * by staff), and quoting against it. Every {@link Quote} carries the catalogue version it was priced
 * with ({@code 2026.1-rN}). Reads are served from memory; an edit is visible here at once in the
 * process that made it and within about a second in the others.
 */
@Service
public class Catalog {

	private final CatalogSnapshots snapshots;

	Catalog(CatalogSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	/**
	 * The whole catalogue as it is now, for engines that keep their own indexes (the conversation's
	 * matcher and policy rebuild them when {@link CatalogDefinition#version()} changes).
	 */
	public CatalogDefinition current() {
		return catalog();
	}

	/** The catalogue version, e.g. {@code 2026.1-r3}: the JSON version plus the edit revision. */
	public String version() {
		return catalog().version();
	}

	/** All price lists. */
	public List<CategoryDefinition> categories() {
		return catalog().categories();
	}

	/** The price list with this slug, if any. */
	public Optional<CategoryDefinition> category(String slug) {
		return catalog().category(slug);
	}

	/**
	 * The elements (umbrellas with their variants, and plain elements) of a price list.
	 * @throws QuoteNotPossible if the category is unknown
	 */
	public List<ElementDefinition> elements(String categorySlug) {
		return required(categorySlug).elements();
	}

	/**
	 * The tiers of a price list, cheapest first.
	 * @throws QuoteNotPossible if the category is unknown
	 */
	public List<TierDefinition> tiers(String categorySlug) {
		return required(categorySlug).tiers();
	}

	/** The data collected for every case (personal, vehicle, workshop). */
	public CaseDataDefinition caseData() {
		return catalog().caseData();
	}

	/**
	 * Matches a customer's message and prices it when everything named is known and resolved.
	 * @param vehicleType {@code null} = the usual vehicle of the client type (see {@link #defaultVehicle})
	 */
	public TextQuote quoteText(ClientType clientType, @Nullable VehicleType vehicleType, String text) {
		Snapshot snapshot = this.snapshots.current();
		VehicleType vehicle = (vehicleType != null) ? vehicleType : defaultVehicle(clientType);
		Optional<CategoryDefinition> category = snapshot.catalog().categoryFor(clientType, vehicle);
		if (category.isEmpty()) {
			MatchResult nothing = new MatchResult(List.of(), List.of(), List.of(), List.of());
			return new TextQuote(null, nothing, snapshot.engine().quote(clientType, vehicle, List.of()));
		}
		String slug = category.get().slug();
		MatchResult match = snapshot.matcher().match(slug, text);
		boolean priceable = !match.items().isEmpty() && match.pendingQuestions().isEmpty()
				&& match.unknownTerms().isEmpty();
		return new TextQuote(slug, match, priceable ? snapshot.engine().quote(slug, match.itemCodes()) : null);
	}

	/**
	 * Prices element or variant codes.
	 * @param vehicleType {@code null} = the usual vehicle of the client type
	 * @throws QuoteNotPossible for unknown codes, an empty selection or an umbrella code
	 * ({@link UmbrellaNotResolved})
	 */
	public QuoteOutcome quoteCodes(ClientType clientType, @Nullable VehicleType vehicleType, Collection<String> codes) {
		VehicleType vehicle = (vehicleType != null) ? vehicleType : defaultVehicle(clientType);
		return this.snapshots.current().engine().quote(clientType, vehicle, codes);
	}

	/**
	 * Resolves the answer to an umbrella's variant question to variant codes.
	 * @throws QuoteNotPossible if the category or umbrella is unknown
	 */
	public VariantAnswer resolveVariantAnswer(String categorySlug, String umbrellaCode, String answer) {
		return this.snapshots.current().matcher().resolveVariantAnswer(categorySlug, umbrellaCode, answer);
	}

	/**
	 * The vehicle a client type usually brings, used when the conversation has not established it:
	 * private customers are motorcyclists and professionals are motorhome converters (the two price lists).
	 */
	public static VehicleType defaultVehicle(ClientType clientType) {
		return (clientType == ClientType.PROFESIONAL) ? VehicleType.AUTOCARAVANA : VehicleType.MOTO;
	}

	private CategoryDefinition required(String slug) {
		return category(slug).orElseThrow(() -> new QuoteNotPossible("Unknown category '" + slug + "'"));
	}

	private CatalogDefinition catalog() {
		return this.snapshots.current().catalog();
	}

}
