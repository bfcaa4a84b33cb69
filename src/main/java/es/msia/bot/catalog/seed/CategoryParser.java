package es.msia.bot.catalog.seed;

import java.util.LinkedHashMap;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VariantDefinition;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.catalog.WarningSeverity;
import tools.jackson.databind.JsonNode;

/** Maps one category object of the catalogue JSON to its record. */
final class CategoryParser {

	private CategoryParser() {
	}

	static CategoryDefinition category(JsonNode node) {
		return new CategoryDefinition(Json.text(node, "slug"), VehicleType.fromCode(Json.text(node, "vehicle_type")),
				ClientType.fromCode(Json.text(node, "client_type")), Json.text(node, "name_es"),
				Json.text(node, "scope_note_es"), Json.list(node, "groups", CategoryParser::group),
				Json.list(node, "tiers", CategoryParser::tier), Json.list(node, "surcharges", CategoryParser::surcharge),
				Json.list(node, "extras", CategoryParser::extra),
				Json.list(node, "base_documents", CategoryParser::baseDocument),
				Json.list(node, "warnings", CategoryParser::scopedWarning),
				Json.list(node, "elements", CategoryParser::element));
	}

	private static GroupDefinition group(JsonNode node) {
		return new GroupDefinition(Json.text(node, "code"), Json.text(node, "name_es"),
				Json.text(node, "description_es"));
	}

	private static TierDefinition tier(JsonNode node) {
		Map<String, Integer> admits = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> cap : node.get("admits").properties()) {
			admits.put(cap.getKey(), cap.getValue().isNull() ? null : cap.getValue().asInt());
		}
		return new TierDefinition(Json.text(node, "code"), Json.text(node, "name_es"), Json.decimal(node, "price"),
				Json.flag(node, "requires_project"), admits, Json.text(node, "includes_es"),
				Json.text(node, "turnaround_es"));
	}

	private static SurchargeDefinition surcharge(JsonNode node) {
		return new SurchargeDefinition(Json.text(node, "code"), Json.text(node, "name_es"), Json.decimal(node, "price"),
				Json.texts(node, "applies_to"), Json.flag(node, "on_request"), Json.texts(node, "trigger_elements"));
	}

	private static ExtraDefinition extra(JsonNode node) {
		return new ExtraDefinition(Json.text(node, "code"), Json.text(node, "name_es"),
				Json.optionalDecimal(node, "price"), Json.optionalText(node, "price_text_es"), Json.text(node, "unit"));
	}

	private static BaseDocument baseDocument(JsonNode node) {
		return new BaseDocument(Json.text(node, "code"), Json.text(node, "name_es"), Json.text(node, "instruction_es"),
				Json.optionalText(node, "example_image"));
	}

	private static CatalogWarning scopedWarning(JsonNode node) {
		return warning(node, Json.text(node, "scope"));
	}

	private static CatalogWarning elementWarning(JsonNode node) {
		return warning(node, CatalogWarning.ELEMENT_SCOPE);
	}

	private static CatalogWarning warning(JsonNode node, String scope) {
		return new CatalogWarning(Json.text(node, "code"), WarningSeverity.fromCode(Json.text(node, "severity")),
				Json.text(node, "text_es"), scope);
	}

	private static ElementDefinition element(JsonNode node) {
		return new ElementDefinition(Json.text(node, "code"), Json.text(node, "name_es"), Json.text(node, "group"),
				Json.texts(node, "keywords"), Json.texts(node, "aliases"), Json.optionalText(node, "variant_question_es"),
				Json.list(node, "variants", CategoryParser::variant),
				Json.list(node, "warnings", CategoryParser::elementWarning),
				Json.list(node, "required_fields", FieldParser::field), Json.texts(node, "photos_es"),
				Json.texts(node, "example_images"));
	}

	private static VariantDefinition variant(JsonNode node) {
		return new VariantDefinition(Json.text(node, "code"), Json.text(node, "name_es"), Json.text(node, "group"),
				Json.texts(node, "keywords"));
	}

}
