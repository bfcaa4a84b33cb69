package es.msia.bot.catalog.seed;

import java.io.InputStream;
import java.util.List;

import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CatalogExample;
import es.msia.bot.catalog.CatalogIntegrityViolated;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the catalogue JSON (format of CATALOG.md section 1) and validates it with
 * {@link CatalogValidator}. Works on the tree model rather than data binding so that the public
 * records stay free of Jackson annotations.
 */
public final class CatalogJsonReader {

	private final JsonMapper mapper = JsonMapper.builder().build();

	/** Reads and validates; throws {@link CatalogIntegrityViolated} listing every problem. */
	public CatalogDefinition read(InputStream json) {
		CatalogDefinition catalog = parse(json);
		List<String> problems = new CatalogValidator(catalog).problems();
		if (!problems.isEmpty()) {
			throw new CatalogIntegrityViolated(problems);
		}
		return catalog;
	}

	/**
	 * Lists the integrity problems of a catalogue built elsewhere (e.g. loaded from the database after
	 * an edit); empty when it is consistent.
	 */
	public static List<String> problems(CatalogDefinition catalog) {
		return new CatalogValidator(catalog).problems();
	}

	/** Parses a {@code case_data} block (as stored verbatim in the database). */
	public CaseDataDefinition caseData(String json) {
		try {
			return FieldParser.caseData(this.mapper.readTree(json));
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new CatalogIntegrityViolated(List.of("Unreadable case_data: " + ex.getMessage()));
		}
	}

	/** The raw {@code case_data} block of a catalogue file, to store it verbatim. */
	public String rawCaseData(InputStream json) {
		return this.mapper.writeValueAsString(this.mapper.readTree(json).get("case_data"));
	}

	private CatalogDefinition parse(InputStream json) {
		try {
			JsonNode root = this.mapper.readTree(json);
			return new CatalogDefinition(Json.text(root, "version"), Json.text(root, "currency"),
					Json.decimal(root, "vat_rate"), Json.list(root, "categories", CategoryParser::category),
					FieldParser.caseData(root.get("case_data")), Json.text(root, "tier_selection_rule"),
					Json.list(root, "examples", CatalogJsonReader::example));
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			throw new CatalogIntegrityViolated(List.of("Unreadable catalogue: " + ex.getMessage()));
		}
	}

	private static CatalogExample example(JsonNode node) {
		return new CatalogExample(Json.text(node, "category"), Json.texts(node, "elements"), Json.text(node, "tier"),
				Json.decimal(node, "price"), Json.texts(node, "surcharges"), Json.decimal(node, "total"),
				Json.text(node, "justification"));
	}

}
