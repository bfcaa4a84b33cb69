package es.msia.bot.catalog.seed;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.FieldCondition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;
import es.msia.bot.catalog.WorkshopDefinition;
import tools.jackson.databind.JsonNode;

/** Maps field objects and the {@code case_data} block. */
final class FieldParser {

	private FieldParser() {
	}

	static FieldSpec field(JsonNode node) {
		JsonNode when = node.get("when");
		FieldCondition condition = (when == null || when.isNull()) ? null
				: new FieldCondition(Json.text(when, "field"), when.get("equals").asString());
		return new FieldSpec(Json.text(node, "key"), Json.text(node, "label_es"),
				FieldType.fromCode(Json.text(node, "type")), Json.texts(node, "options"), Json.flag(node, "required"),
				Json.optionalDecimal(node, "min"), Json.optionalDecimal(node, "max"), Json.optionalText(node, "pattern"),
				Json.optionalText(node, "example"), condition);
	}

	static CaseDataDefinition caseData(JsonNode node) {
		return new CaseDataDefinition(Json.list(node, "personal", FieldParser::field),
				Json.list(node, "vehicle", FieldParser::field), workshop(node.get("workshop")));
	}

	private static WorkshopDefinition workshop(JsonNode node) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> price : node.get("msi_partner_price_by_category").properties()) {
			prices.put(price.getKey(), new BigDecimal(price.getValue().asString()));
		}
		return new WorkshopDefinition(Json.text(node, "question_es"), prices,
				Json.list(node, "own_workshop_fields", FieldParser::field));
	}

}
