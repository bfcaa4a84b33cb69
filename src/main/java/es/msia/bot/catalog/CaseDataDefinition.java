package es.msia.bot.catalog;

import java.util.List;

/**
 * The data every case collects besides element data.
 *
 * @param personal customer fields
 * @param vehicle vehicle fields
 * @param workshop workshop-certificate block
 */
public record CaseDataDefinition(List<FieldSpec> personal, List<FieldSpec> vehicle, WorkshopDefinition workshop) {

	public CaseDataDefinition {
		personal = List.copyOf(personal);
		vehicle = List.copyOf(vehicle);
	}

}
