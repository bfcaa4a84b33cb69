package es.msia.bot.catalog.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Small helpers over Jackson's tree model that fail with the JSON path of the missing value. */
final class Json {

	private Json() {
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException("missing '" + field + "' in " + abbreviate(node));
		}
		return value.asString();
	}

	static @Nullable String optionalText(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	static @Nullable BigDecimal optionalDecimal(JsonNode node, String field) {
		JsonNode value = node.get(field);
		// Through the text form so that 0.21 stays exactly 0.21.
		return (value == null || value.isNull()) ? null : new BigDecimal(value.asString());
	}

	static BigDecimal decimal(JsonNode node, String field) {
		BigDecimal value = optionalDecimal(node, field);
		if (value == null) {
			throw new IllegalArgumentException("missing number '" + field + "' in " + abbreviate(node));
		}
		return value;
	}

	static boolean flag(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value != null && value.asBoolean();
	}

	static List<String> texts(JsonNode node, String field) {
		return list(node, field, JsonNode::asString);
	}

	static <T> List<T> list(JsonNode node, String field, Function<JsonNode, T> mapper) {
		JsonNode array = node.get(field);
		List<T> result = new ArrayList<>();
		if (array != null && !array.isNull()) {
			for (JsonNode item : array) {
				result.add(mapper.apply(item));
			}
		}
		return result;
	}

	private static String abbreviate(JsonNode node) {
		String text = node.toString();
		return (text.length() > 120) ? text.substring(0, 120) + "..." : text;
	}

}
