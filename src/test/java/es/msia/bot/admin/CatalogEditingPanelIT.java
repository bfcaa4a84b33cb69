package es.msia.bot.admin;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.TierDefinition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static es.msia.bot.admin.PanelClient.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue editor, the audit revert and the dead-letter retry through the panel: who may use each
 * route (anonymous to the login page, staff 403, no CSRF token 403), and that rejected forms come back
 * with the problem next to the box while the catalogue stays as it was.
 */
class CatalogEditingPanelIT extends PanelTest {

	static final List<String> ADMIN_GETS = List.of("/catalog/motos-part/elements/ESCAPE", "/catalog/motos-part/elements/new",
			"/catalog/motos-part/tiers/T1", "/catalog/images/Imagenes/Motos/04_Chasis_y_Estructura/subchasis.png");

	static final List<String> ADMIN_POSTS = List.of("/catalog/motos-part/elements/ESCAPE", "/catalog/motos-part/elements",
			"/catalog/motos-part/elements/ESCAPE/delete", "/catalog/motos-part/elements/ESCAPE/images",
			"/catalog/motos-part/tiers/T1", "/catalog/motos-part/warnings", "/catalog/motos-part/extras",
			"/catalog/motos-part/documents", "/catalog/motos-part/warnings/PRECIOS_SIN_IVA/delete",
			"/catalog/motos-part/extras/URGENTE/delete", "/catalog/motos-part/documents/FICHA_TECNICA/delete",
			"/catalog/audit/1/revert", "/system/dead-letters/1-0/retry", "/catalog/motos-part/texts",
			"/catalog/motos-part/groups", "/catalog/motos-part/groups/LISTA_T4/delete", "/catalog/motos-part/surcharges",
			"/catalog/motos-part/surcharges/X/delete");

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogAdministration administration;

	String staff;

	String admin;

	@BeforeEach
	void users() {
		staff = user("staff");
		admin = user("admin");
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		PanelClient anonymous = panel();
		for (String page : concat(ADMIN_GETS, List.of("/conversations/1/events"))) {
			HttpResponse<String> response = anonymous.get(page);
			assertThat(response.statusCode()).as(page).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(page)
				.hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		}
	}

	@Test
	void keepsStaffOutOfTheCatalogueEditorAndTheRetry() {
		PanelClient panel = panel();
		panel.login(staff, PASSWORD);
		panel.get("/conversations");

		for (String page : ADMIN_GETS) {
			assertThat(panel.get(page).statusCode()).as(page).isEqualTo(403);
		}
		for (String action : ADMIN_POSTS) {
			assertThat(panel.post(action, "code=X&nameEs=x&price=1").statusCode()).as(action).isEqualTo(403);
		}
	}

	@Test
	void refusesEveryEditWithoutTheCsrfToken() {
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		panel.get("/catalog");

		for (String action : ADMIN_POSTS) {
			assertThat(panel.postRaw(action, "code=X&nameEs=x&price=1").statusCode()).as(action).isEqualTo(403);
		}
	}

	@Test
	void showsProblemsNextToTheirBoxesAndSavesValidEdits() {
		ElementDefinition original = catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow();
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		HttpResponse<String> page = panel.get("/catalog/motos-part/elements/ESCAPE");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"element-form\"").contains("name=\"requiredFields\"")
			.contains("id=\"image-upload\"");

		HttpResponse<String> rejected = panel.postHtmx("/catalog/motos-part/elements/ESCAPE",
				"nameEs=" + enc("Escape") + "&group=LISTA_T4&keywords=escape&requiredFields=" + enc("[{\"key\": 1")
						+ "&warnings=" + enc("SIN_TEXTO"));
		assertThat(rejected.statusCode()).isEqualTo(200);
		assertThat(rejected.body().strip()).startsWith("<form").doesNotContain("<nav");
		assertThat(rejected.body()).contains("is-invalid").contains("JSON no válido").contains("línea 1");
		assertThat(catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow()).isEqualTo(original);

		try {
			HttpResponse<String> saved = panel.postHtmx("/catalog/motos-part/elements/ESCAPE",
					"nameEs=" + enc("Escape deportivo") + "&group=" + original.group() + "&keywords="
							+ enc(String.join("\n", original.keywords())) + "&requiredFields="
							+ enc(administration.fieldsToJson(original.requiredFields())) + "&photos="
							+ enc(String.join("\n", original.photosEs())) + "&exampleImages="
							+ enc(String.join("\n", original.exampleImages())) + "&warnings="
							+ enc("ESCAPE_AVISO_PANEL | info | Trae la homologación."));
			assertThat(saved.body()).contains("id=\"element-saved\"").doesNotContain("is-invalid");
			ElementDefinition stored = catalog.category("motos-part").orElseThrow().element("ESCAPE").orElseThrow();
			assertThat(stored.nameEs()).isEqualTo("Escape deportivo");
			assertThat(stored.warnings()).extracting(w -> w.code()).containsExactly("ESCAPE_AVISO_PANEL");
			assertThat(stored.requiredFields()).isEqualTo(original.requiredFields());
		}
		finally {
			administration.updateElement("restore", "motos-part", original);
		}

		HttpResponse<byte[]> slide = panel.getBytes("/catalog/images/Imagenes/Motos/04_Chasis_y_Estructura/subchasis.png");
		assertThat(slide.statusCode()).isEqualTo(200);
		assertThat(slide.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(panel.getBytes("/catalog/images/Imagenes/no-existe.png").statusCode()).isEqualTo(404);

		HttpResponse<String> badPrice = panel.postHtmx("/catalog/motos-part/tiers/T1", "nameEs=T1&price=mucho");
		assertThat(badPrice.body()).contains("id=\"tier-form\"").contains("is-invalid").contains("escribe un importe");
		HttpResponse<String> badWarning = panel.postHtmx("/catalog/motos-part/warnings",
				"code=" + enc("mal código") + "&severity=info&textEs=&scope=category");
		assertThat(badWarning.body()).contains("is-invalid").contains("código no válido");
		assertThat(panel.postHtmx("/catalog/motos-part/surcharges", "code=RECARGO_X&nameEs=Recargo&price=&appliesTo=T1")
			.body()).contains("is-invalid").contains("escribe un importe");
		assertThat(panel.postHtmx("/catalog/motos-part/groups", "code=LISTA_T4&nameEs=").body())
			.contains("is-invalid").contains("no puede quedar vacío");
		assertThat(panel.get("/catalog/motos-part").body()).contains("id=\"category-form\"").contains("id=\"new-surcharge\"")
			.contains("id=\"new-group\"").contains("id=\"new-warning\"").contains("id=\"new-extra\"")
			.contains("id=\"new-document\"");
	}

	@Test
	void createsAnElementWithHtmxAndDeletesIt() {
		String code = "PANEL_" + System.nanoTime() % 1_000_000;
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		panel.get("/catalog/motos-part/elements/new");

		HttpResponse<String> created = panel.postHtmx("/catalog/motos-part/elements",
				"code=" + code + "&nameEs=" + enc("Elemento del panel") + "&group=LISTA_T4&keywords=" + enc("cachivache")
						+ "&requiredFields=" + enc("[]"));

		assertThat(created.statusCode()).isEqualTo(200);
		assertThat(created.headers().firstValue("HX-Redirect")).hasValue("/catalog/motos-part/elements/" + code);
		assertThat(panel.get("/catalog/motos-part/elements/" + code).body()).contains("Elemento creado")
			.contains("Elemento del panel");
		assertThat(catalog.category("motos-part").orElseThrow().element(code)).isPresent();

		HttpResponse<String> deleted = panel.post("/catalog/motos-part/elements/" + code + "/delete", "");
		assertThat(deleted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/catalog/motos-part"));
		assertThat(catalog.category("motos-part").orElseThrow().element(code)).isEmpty();
	}

	@Test
	void revertsAPriceEditFromTheAuditPage() {
		BigDecimal original = tier("T6").price();
		PanelClient panel = panel();
		panel.login(admin, PASSWORD);
		panel.get("/catalog/motos-part");
		assertThat(panel.post("/catalog/motos-part/tiers/T6/price", "price=151").statusCode()).isEqualTo(302);
		assertThat(tier("T6").price()).isEqualByComparingTo("151");
		long change = jdbc.sql("SELECT max(id) FROM catalog_audit WHERE changed_by = :u AND row_key = 'motos-part/T6'")
			.param("u", admin)
			.query(Long.class)
			.single();

		assertThat(panel.get("/catalog/audit").body()).contains("id=\"revert-" + change + "\"");
		HttpResponse<String> reverted = panel.post("/catalog/audit/" + change + "/revert", "");

		assertThat(reverted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/catalog/audit"));
		assertThat(tier("T6").price()).isEqualByComparingTo(original);
		assertThat(jdbc.sql("SELECT count(*) FROM catalog_audit WHERE changed_by = :u AND row_key = 'motos-part/T6'")
			.param("u", admin)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(panel.get("/catalog/audit").body()).contains("Cambio revertido");
	}

	private TierDefinition tier(String code) {
		return catalog.tiers("motos-part").stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
	}

	@SafeVarargs
	private static List<String> concat(List<String>... lists) {
		return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
	}

}
