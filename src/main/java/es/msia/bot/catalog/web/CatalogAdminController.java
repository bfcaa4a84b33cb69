package es.msia.bot.catalog.web;

import java.security.Principal;
import java.util.List;

import es.msia.bot.catalog.jdbc.AuditEntry;
import es.msia.bot.catalog.jdbc.CatalogEdits;
import es.msia.bot.catalog.jdbc.CatalogTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Catalogue edits for administrators (role ADMIN, HTTP Basic). Every write is one audited transaction
 * that bumps the catalogue revision; a write that would leave the catalogue invalid answers 400 and
 * changes nothing.
 */
@RestController
@Validated
@RequestMapping("/api/admin/catalog")
@Tag(name = "Administración del catálogo", description = "Edición del catálogo con registro de auditoría (rol ADMIN)")
@SecurityRequirement(name = "basicAuth")
@SecurityScheme(name = "basicAuth", type = SecuritySchemeType.HTTP, scheme = "basic")
class CatalogAdminController {

	private final CatalogEdits edits;

	// Row images hold prices: read JSON numbers as BigDecimal so 175.00 is not shown as a double.
	private final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	CatalogAdminController(CatalogEdits edits) {
		this.edits = edits;
	}

	@PatchMapping("/categories/{slug}/tiers/{code}")
	@Operation(summary = "Cambia nombre, precio (sin IVA), textos o grupos admitidos de una tarifa")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void updateTier(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.TierUpdate update, Principal principal) {
		this.edits.updateTier(principal.getName(), slug, code, update::applyTo);
	}

	@PostMapping("/categories/{slug}/elements")
	@Operation(summary = "Crea un elemento (con sus variantes, avisos, datos requeridos, fotos e imágenes)")
	@ResponseStatus(HttpStatus.CREATED)
	void createElement(@PathVariable String slug, @Valid @RequestBody AdminRequests.ElementRequest element,
			Principal principal) {
		this.edits.createElement(principal.getName(), slug, element.toDefinition());
	}

	@PutMapping("/categories/{slug}/elements/{code}")
	@Operation(summary = "Sustituye un elemento existente (el código del cuerpo debe coincidir)")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void updateElement(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.ElementRequest element, Principal principal) {
		if (!element.code().equals(code)) {
			throw new IllegalArgumentException("Body code " + element.code() + " does not match path code " + code);
		}
		this.edits.updateElement(principal.getName(), slug, element.toDefinition());
	}

	@DeleteMapping("/categories/{slug}/elements/{code}")
	@Operation(summary = "Borra un elemento con sus variantes")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void deleteElement(@PathVariable String slug, @PathVariable String code, Principal principal) {
		this.edits.deleteElement(principal.getName(), slug, code);
	}

	@PutMapping("/categories/{slug}/surcharges/{code}")
	@Operation(summary = "Crea o sustituye un recargo")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void saveSurcharge(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.SurchargeRequest surcharge, Principal principal) {
		this.edits.saveSurcharge(principal.getName(), slug, surcharge.toDefinition(checked(code)));
	}

	@PutMapping("/categories/{slug}/extras/{code}")
	@Operation(summary = "Crea o sustituye un servicio extra")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void saveExtra(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.ExtraRequest extra, Principal principal) {
		this.edits.saveExtra(principal.getName(), slug, extra.toDefinition(checked(code)));
	}

	@PutMapping("/categories/{slug}/documents/{code}")
	@Operation(summary = "Crea o sustituye un documento base")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void saveDocument(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.DocumentRequest document, Principal principal) {
		this.edits.saveDocument(principal.getName(), slug, document.toDefinition(checked(code)));
	}

	@PutMapping("/categories/{slug}/warnings/{code}")
	@Operation(summary = "Crea o sustituye un aviso de categoría o de tarifa")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void saveWarning(@PathVariable String slug, @PathVariable String code,
			@Valid @RequestBody AdminRequests.WarningRequest warning, Principal principal) {
		this.edits.saveWarning(principal.getName(), slug, warning.toDefinition(checked(code)));
	}

	@DeleteMapping("/categories/{slug}/{kind:surcharges|extras|documents|warnings}/{code}")
	@Operation(summary = "Borra un recargo, extra, documento base o aviso")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String slug, @PathVariable String kind, @PathVariable String code, Principal principal) {
		CatalogTable table;
		switch (kind) {
			case "surcharges":
				table = CatalogTable.SURCHARGES;
				break;
			case "extras":
				table = CatalogTable.EXTRAS;
				break;
			case "documents":
				table = CatalogTable.BASE_DOCUMENTS;
				break;
			default:
				table = CatalogTable.WARNINGS;
		}
		this.edits.delete(principal.getName(), slug, table, code);
	}

	@GetMapping("/audit")
	@Operation(summary = "Registro de cambios del catálogo, del más reciente al más antiguo")
	List<AuditView> audit(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.edits.audit(limit).stream().map(this::view).toList();
	}

	private AuditView view(AuditEntry entry) {
		return new AuditView(entry.id(), entry.table(), entry.rowKey(), entry.action(), entry.changedBy(),
				entry.changedAt().toString(), entry.revision(), tree(entry.before()), tree(entry.after()));
	}

	private JsonNode tree(String text) {
		return (text == null) ? null : this.json.readTree(text);
	}

	private static String checked(String code) {
		if (!code.matches(AdminRequests.CODE)) {
			throw new IllegalArgumentException("Codes are upper case letters, digits and '_': " + code);
		}
		return code;
	}

	record AuditView(long id, String table, String rowKey, String action, String changedBy, String changedAt,
			Integer revision, JsonNode before, JsonNode after) {
	}

}
