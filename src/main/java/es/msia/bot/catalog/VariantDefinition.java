package es.msia.bot.catalog;

import java.util.List;

/**
 * One concrete choice of an umbrella element (e.g. rear suspension); variants are what gets priced.
 *
 * @param code stable key, unique within the category together with element codes
 * @param nameEs display name
 * @param group the group it counts in
 * @param keywords normalised words that name it in an answer or a message
 */
public record VariantDefinition(String code, String nameEs, String group, List<String> keywords) {

	public VariantDefinition {
		keywords = List.copyOf(keywords);
	}

}
