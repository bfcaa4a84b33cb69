package es.msia.bot.cases.domain;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One quoted item of a case (an element, or a chosen variant of an umbrella) and the field values
 * collected for it.
 *
 * @param code element or variant code
 * @param nameEs display name
 * @param elementCode the catalogue element that defines its fields and photos
 * @param variantCode the variant code when the item is a variant, else {@code null}
 * @param fields collected values by field key (normalised text)
 */
public record CaseItem(String code, String nameEs, String elementCode, @Nullable String variantCode,
		Map<String, String> fields) {

	public CaseItem {
		fields = new LinkedHashMap<>(fields);
	}

	/** The scope name used for its values and its photo slot. */
	public String scope() {
		return "item:" + code;
	}

}
