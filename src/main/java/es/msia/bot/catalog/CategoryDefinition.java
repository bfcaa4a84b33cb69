package es.msia.bot.catalog;

import java.util.List;
import java.util.Optional;

/**
 * One price list: a vehicle type for a client type (today {@code motos-part} and {@code aseicars-prof}).
 *
 * @param slug stable key
 * @param vehicleType vehicle type it prices
 * @param clientType client type it prices
 * @param nameEs display name
 * @param scopeNoteEs scope limits
 * @param groups price-list lists
 * @param tiers tariffs, cheapest first
 * @param surcharges amounts added on top of the tier
 * @param extras optional services
 * @param baseDocuments documents every case needs
 * @param warnings category- and tier-scoped warnings
 * @param elements the reforms customers can name
 */
public record CategoryDefinition(String slug, VehicleType vehicleType, ClientType clientType, String nameEs,
		String scopeNoteEs, List<GroupDefinition> groups, List<TierDefinition> tiers,
		List<SurchargeDefinition> surcharges, List<ExtraDefinition> extras, List<BaseDocument> baseDocuments,
		List<CatalogWarning> warnings, List<ElementDefinition> elements) {

	public CategoryDefinition {
		groups = List.copyOf(groups);
		tiers = List.copyOf(tiers);
		surcharges = List.copyOf(surcharges);
		extras = List.copyOf(extras);
		baseDocuments = List.copyOf(baseDocuments);
		warnings = List.copyOf(warnings);
		elements = List.copyOf(elements);
	}

	/** The element with this code (umbrella or plain), if any. */
	public Optional<ElementDefinition> element(String code) {
		return this.elements.stream().filter((e) -> e.code().equals(code)).findFirst();
	}

	/** The group with this code, if any. */
	public Optional<GroupDefinition> group(String code) {
		return this.groups.stream().filter((g) -> g.code().equals(code)).findFirst();
	}

	/** Whether this list prices the given customer and vehicle. */
	public boolean serves(ClientType client, VehicleType vehicle) {
		return this.clientType == client && this.vehicleType == vehicle;
	}

}
