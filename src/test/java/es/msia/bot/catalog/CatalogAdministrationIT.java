package es.msia.bot.catalog;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The panel's catalogue edits through {@link CatalogAdministration}: every change audited and in force for
 * the next quote, rejected edits explained per field, and any change reverted from its audit row (the
 * revert itself audited). Each test puts the catalogue back as the seed left it, since other tests quote.
 */
class CatalogAdministrationIT extends IntegrationTest {

	static final String CATEGORY = "motos-part";

	@Autowired
	CatalogAdministration administration;

	@Autowired
	Catalog catalog;

	@Test
	void revertingAPriceEditRestoresThePriceAndAuditsBothChanges() {
		BigDecimal original = tier("T6").price();
		String editor = "editor-" + nextId();
		administration.setTierPrice(editor, CATEGORY, "T6", new BigDecimal("149.90"));
		assertThat(tier("T6").price()).isEqualByComparingTo("149.90");

		CatalogAdministration.Change edit = administration.audit(10)
			.stream()
			.filter(c -> c.changedBy().equals(editor))
			.findFirst()
			.orElseThrow();
		assertThat(edit.table()).isEqualTo("catalog_tiers");
		assertThat(edit.rowKey()).isEqualTo(CATEGORY + "/T6");
		assertThat(edit.revertible()).isTrue();
		assertThat(edit.changedFields()).containsExactly("price");

		String reverter = "reverter-" + nextId();
		administration.revert(reverter, edit.id());

		assertThat(tier("T6").price()).isEqualByComparingTo(original);
		List<CatalogAdministration.Change> rows = administration.audit(20)
			.stream()
			.filter(c -> c.rowKey().equals(CATEGORY + "/T6")
					&& (c.changedBy().equals(editor) || c.changedBy().equals(reverter)))
			.toList();
		assertThat(rows).extracting(CatalogAdministration.Change::changedBy).containsExactly(reverter, editor);
		assertThat(rows).extracting(CatalogAdministration.Change::action).containsExactly("update", "update");
		assertThat(rows.get(0).after()).contains("\"price\": " + original.stripTrailingZeros().toPlainString());
		// Reverting the same change again finds the row no longer as that change left it.
		assertThatThrownBy(() -> administration.revert(reverter, edit.id()))
			.isInstanceOf(CatalogAdministration.EditRejected.class)
			.hasMessageContaining("ya no está");
	}

	@Test
	void editsAnElementsKeywordsWarningsFieldsAndPhotosAndTheNextQuoteUsesThem() {
		ElementDefinition original = catalog.category(CATEGORY).orElseThrow().element("ESCAPE").orElseThrow();
		List<String> keywords = new ArrayList<>(original.keywords());
		keywords.add("tubarraco");
		List<CatalogWarning> warnings = new ArrayList<>(original.warnings());
		warnings.add(new CatalogWarning("ESCAPE_PRUEBA_RUIDO", WarningSeverity.WARNING, "Trae el escape homologado.",
				CatalogWarning.ELEMENT_SCOPE));
		List<FieldSpec> fields = administration.fieldsFromJson("""
				[{"key": "marca", "label_es": "Marca del escape", "type": "text", "required": true},
				 {"key": "homologado", "label_es": "¿Está homologado?", "type": "boolean", "required": true},
				 {"key": "numero", "label_es": "Número de homologación", "type": "text", "required": true,
				  "when": {"field": "homologado", "equals": true}}]""");
		ElementDefinition edited = new ElementDefinition("ESCAPE", "Escape (editado)", original.group(), keywords,
				original.aliases(), original.variantQuestionEs(), original.variants(), warnings, fields,
				List.of("Foto del escape montado"), original.exampleImages());
		try {
			administration.updateElement("editor-" + nextId(), CATEGORY, edited);

			ElementDefinition stored = catalog.category(CATEGORY).orElseThrow().element("ESCAPE").orElseThrow();
			assertThat(stored.nameEs()).isEqualTo("Escape (editado)");
			assertThat(stored.requiredFields()).hasSize(3);
			assertThat(stored.requiredFields().get(2).when()).isEqualTo(new FieldCondition("homologado", "true"));
			assertThat(administration.fieldsToJson(stored.requiredFields())).contains("\"equals\" : \"true\"");
			assertThat(stored.photosEs()).containsExactly("Foto del escape montado");
			TextQuote quote = catalog.quoteText(ClientType.PARTICULAR, VehicleType.MOTO, "quiero legalizar el tubarraco");
			assertThat(quote.match().items()).extracting(MatchedItem::code).contains("ESCAPE");
			assertThat(((Quote) quote.outcome()).warnings()).extracting(CatalogWarning::code).contains("ESCAPE_PRUEBA_RUIDO");
		}
		finally {
			administration.updateElement("restore", CATEGORY, original);
		}
		assertThat(catalog.category(CATEGORY).orElseThrow().element("ESCAPE").orElseThrow()).isEqualTo(original);
	}

	@Test
	void explainsRejectedEditsPerField() {
		ElementDefinition original = catalog.category(CATEGORY).orElseThrow().element("ESCAPE").orElseThrow();
		ElementDefinition broken = new ElementDefinition("ESCAPE", " ", "NO_EXISTE", List.of(), List.of(), null,
				List.of(), List.of(), List.of(), List.of(), List.of());

		assertThatThrownBy(() -> administration.updateElement("x", CATEGORY, broken))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsKeys("nameEs", "keywords"));
		ElementDefinition unknownGroup = new ElementDefinition("ESCAPE", "Escape", "NO_EXISTE", original.keywords(),
				List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of());
		assertThatThrownBy(() -> administration.updateElement("x", CATEGORY, unknownGroup))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsEntry("group", "grupo desconocido: NO_EXISTE"));
		assertThatThrownBy(() -> administration.fieldsFromJson("[{\"key\": \"x\"}]"))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsKey("requiredFields"));
		assertThat(catalog.category(CATEGORY).orElseThrow().element("ESCAPE").orElseThrow()).isEqualTo(original);
	}

	@Test
	void createsAndDeletesAnElementAndRevertsATierCap() {
		String code = "PRUEBA_" + nextId();
		administration.createElement("editor", CATEGORY, new ElementDefinition(code, "Elemento de prueba", "LISTA_T4",
				List.of("cacharrito"), List.of(), null, List.of(), List.of(), List.of(), List.of("Foto"), List.of()));
		assertThat(catalog.category(CATEGORY).orElseThrow().element(code)).isPresent();
		assertThatThrownBy(() -> administration.createElement("editor", CATEGORY, new ElementDefinition(code, "Otra vez",
				"LISTA_T4", List.of("x"), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of())))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsKey("code"));
		administration.deleteElement("editor", CATEGORY, code);
		assertThat(catalog.category(CATEGORY).orElseThrow().element(code)).isEmpty();

		TierDefinition t4 = tier("T4");
		Map<String, Integer> admits = new LinkedHashMap<>(t4.admits());
		admits.put("LISTA_T4", 7);
		String editor = "caps-" + nextId();
		administration.updateTier(editor, CATEGORY, new TierDefinition("T4", t4.nameEs(), t4.price(), t4.requiresProject(),
				admits, t4.includesEs(), t4.turnaroundEs()));
		assertThat(tier("T4").admits()).containsEntry("LISTA_T4", 7);
		CatalogAdministration.Change cap = administration.audit(10)
			.stream()
			.filter(c -> c.changedBy().equals(editor))
			.findFirst()
			.orElseThrow();
		assertThat(cap.table()).isEqualTo("catalog_tier_admits");
		administration.revert("reverter", cap.id());
		assertThat(tier("T4")).isEqualTo(t4);
	}

	@Test
	void savesAndDeletesWarningsExtrasAndDocuments() {
		String suffix = Long.toString(nextId());
		administration.saveWarning("editor", CATEGORY,
				new CatalogWarning("AVISO_" + suffix, WarningSeverity.INFO, "Aviso de prueba", "tier:T1"));
		administration.saveExtra("editor", CATEGORY,
				new ExtraDefinition("EXTRA_" + suffix, "Extra de prueba", new BigDecimal("12.50"), null, "per_case"));
		administration.saveDocument("editor", CATEGORY, new BaseDocument("DOC_" + suffix, "Documento", "Foto clara", null));
		CategoryDefinition category = catalog.category(CATEGORY).orElseThrow();
		assertThat(category.warnings()).extracting(CatalogWarning::code).contains("AVISO_" + suffix);
		assertThat(category.extras()).extracting(ExtraDefinition::code).contains("EXTRA_" + suffix);
		assertThat(category.baseDocuments()).extracting(BaseDocument::code).contains("DOC_" + suffix);
		assertThatThrownBy(() -> administration.saveWarning("editor", CATEGORY,
				new CatalogWarning("AVISO_" + suffix, WarningSeverity.INFO, "x", "tier:T9")))
			.isInstanceOf(CatalogAdministration.EditRejected.class);
		assertThatThrownBy(() -> administration.saveExtra("editor", CATEGORY,
				new ExtraDefinition("bad code", "", null, null, "per_case")))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsKeys("code", "nameEs", "price"));

		administration.deleteWarning("editor", CATEGORY, "AVISO_" + suffix);
		administration.deleteExtra("editor", CATEGORY, "EXTRA_" + suffix);
		administration.deleteDocument("editor", CATEGORY, "DOC_" + suffix);
		category = catalog.category(CATEGORY).orElseThrow();
		assertThat(category.warnings()).extracting(CatalogWarning::code).doesNotContain("AVISO_" + suffix);
		assertThat(category.extras()).extracting(ExtraDefinition::code).doesNotContain("EXTRA_" + suffix);
		assertThat(category.baseDocuments()).extracting(BaseDocument::code).doesNotContain("DOC_" + suffix);
	}

	@Test
	void acceptsExampleImagesByTheirMagicBytesOnlyAndServesThem() throws Exception {
		assertThatThrownBy(() -> administration.uploadExampleImage("editor",
				"<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8)))
			.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
					ex -> assertThat(ex.byField()).containsKey("image"));
		BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);

		String path = administration.uploadExampleImage("editor", png.toByteArray());

		assertThat(path).startsWith("Imagenes/Subidas/").endsWith(".png");
		HttpResponse<String> served = get(
				"http://localhost:" + ports.apiPort() + "/api/catalog/images/" + path.substring("Imagenes/".length()));
		assertThat(served.statusCode()).isEqualTo(200);
		assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(get("http://localhost:" + ports.apiPort() + "/api/catalog/images/Subidas/no-existe.png").statusCode())
			.isEqualTo(404);
	}

	@Test
	void editsTheCategoryTextsGroupsAndSurcharges() {
		CategoryDefinition before = catalog.category(CATEGORY).orElseThrow();
		String suffix = Long.toString(nextId());
		try {
			administration.updateCategory("editor", CATEGORY, "Motos (particulares)", before.scopeNoteEs());
			assertThat(catalog.category(CATEGORY).orElseThrow().nameEs()).isEqualTo("Motos (particulares)");

			administration.saveGroup("editor", CATEGORY, new GroupDefinition("GRUPO_" + suffix, "Grupo nuevo", "Prueba"));
			assertThat(catalog.category(CATEGORY).orElseThrow().group("GRUPO_" + suffix)).isPresent();
			assertThatThrownBy(() -> administration.deleteGroup("editor", CATEGORY, "LISTA_T4"))
				.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
						ex -> assertThat(ex.byField().get("code")).contains("en uso"));
			administration.deleteGroup("editor", CATEGORY, "GRUPO_" + suffix);
			assertThat(catalog.category(CATEGORY).orElseThrow().group("GRUPO_" + suffix)).isEmpty();

			administration.saveSurcharge("editor", CATEGORY, new SurchargeDefinition("RECARGO_" + suffix, "Recargo",
					new BigDecimal("30"), List.of("T1", "T2"), true, List.of("ESCAPE")));
			assertThat(catalog.category(CATEGORY).orElseThrow().surcharges())
				.extracting(SurchargeDefinition::code).contains("RECARGO_" + suffix);
			assertThatThrownBy(() -> administration.saveSurcharge("editor", CATEGORY, new SurchargeDefinition(
					"RECARGO_" + suffix, "Recargo", new BigDecimal("30"), List.of("T9"), false, List.of())))
				.isInstanceOfSatisfying(CatalogAdministration.EditRejected.class,
						ex -> assertThat(ex.byField()).containsKey("catalog"));
			administration.deleteSurcharge("editor", CATEGORY, "RECARGO_" + suffix);
		}
		finally {
			administration.updateCategory("restore", CATEGORY, before.nameEs(), before.scopeNoteEs());
		}
		assertThat(catalog.category(CATEGORY).orElseThrow()).isEqualTo(before);
	}

	private TierDefinition tier(String code) {
		return catalog.tiers(CATEGORY).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
	}

}
