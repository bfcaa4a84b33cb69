package es.msia.bot.catalog.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import es.msia.bot.catalog.FieldSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Required fields in the catalogue JSON format (CATALOG.md), both ways: the panel edits an element's
 * fields as that JSON, so staff see the same shape as the seed file and one parser reads both.
 */
public final class FieldsJson {

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private FieldsJson() {
	}

	/**
	 * Parses a JSON array of field objects.
	 * @throws IllegalArgumentException with a readable reason when the text is not such an array
	 */
	public static List<FieldSpec> parse(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		JsonNode array;
		try {
			array = JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("JSON no válido: " + ex.getMessage().lines().findFirst().orElse(""));
		}
		if (!array.isArray()) {
			throw new IllegalArgumentException("debe ser una lista JSON [ {...}, ... ]");
		}
		List<FieldSpec> fields = new ArrayList<>();
		for (JsonNode node : array) {
			try {
				fields.add(FieldParser.field(node));
			}
			catch (RuntimeException ex) {
				throw new IllegalArgumentException("campo " + (fields.size() + 1) + ": " + ex.getMessage());
			}
		}
		return fields;
	}

	/** Writes fields as the JSON array {@link #parse} reads. */
	public static String write(List<FieldSpec> fields) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (FieldSpec f : fields) {
			Map<String, Object> node = new LinkedHashMap<>();
			node.put("key", f.key());
			node.put("label_es", f.labelEs());
			node.put("type", f.type().name().toLowerCase(Locale.ROOT));
			node.put("required", f.required());
			if (!f.options().isEmpty()) {
				node.put("options", f.options());
			}
			putIfSet(node, "min", f.min());
			putIfSet(node, "max", f.max());
			putIfSet(node, "pattern", f.pattern());
			putIfSet(node, "example", f.example());
			if (f.when() != null) {
				node.put("when", Map.of("field", f.when().field(), "equals", f.when().expected()));
			}
			out.add(node);
		}
		return JSON.writeValueAsString(out);
	}

	private static void putIfSet(Map<String, Object> node, String key, Object value) {
		if (value != null) {
			node.put(key, value);
		}
	}

}
