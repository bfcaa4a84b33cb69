package es.msia.bot.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import es.msia.bot.catalog.jdbc.CatalogSeeder;
import es.msia.bot.support.IntegrationTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The DB-backed catalogue end to end: seed fidelity, the public quote API, audited admin edits, their
 * validation and access control, example images and restart safety of the seed.
 */
class CatalogApiIT extends IntegrationTest {

	static final String PASSWORD = "s3cret-pass";

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogSeeder seeder;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	String admin;

	String staff;

	@BeforeEach
	void users() {
		this.admin = "cat-admin-" + nextId();
		this.staff = "cat-staff-" + nextId();
		String hash = new BCryptPasswordEncoder().encode(PASSWORD);
		for (String[] user : new String[][] { { this.admin, "admin" }, { this.staff, "staff" } }) {
			this.jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, :r)")
				.param("u", user[0])
				.param("h", hash)
				.param("r", user[1])
				.update();
		}
	}

	@Test
	void seedReproducesTheJsonCatalogueAndItsWorkedExamples() {
		CatalogDefinition file = Catalogs.current();
		assertThat(this.catalog.version()).startsWith(file.version() + "-r");
		assertThat(this.catalog.categories()).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(file.categories());
		assertThat(this.catalog.caseData()).usingRecursiveComparison()
			.withComparatorForType(BigDecimal::compareTo, BigDecimal.class)
			.isEqualTo(file.caseData());
		assertThat(file.examples()).hasSize(38);
		for (CatalogExample example : file.examples()) {
			CategoryDefinition category = file.category(example.category()).orElseThrow();
			Quote quote = (Quote) this.catalog.quoteCodes(category.clientType(), category.vehicleType(),
					example.elements());
			assertThat(quote.tierCode()).as(example.justification()).isEqualTo(example.tier());
			assertThat(quote.tierPrice()).isEqualByComparingTo(example.price());
			assertThat(quote.surcharges()).extracting(AppliedSurcharge::code).isEqualTo(example.surcharges());
			assertThat(quote.subtotal()).isEqualByComparingTo(example.total());
			assertThat(quote.catalogVersion()).isEqualTo(this.catalog.version());
		}
	}

	@Test
	void quotesTheCurlExample() {
		JsonNode body = ok(post(api("/api/quotes"),
				"{\"text\":\"quiero homologar un escape y el manillar\",\"clientType\":\"particular\"}"));
		assertThat(body.get("outcome").asString()).isEqualTo("quote");
		JsonNode quote = body.get("quote");
		assertThat(quote.get("tierCode").asString()).isEqualTo("T5");
		assertThat(quote.get("tierPrice").decimalValue()).isEqualByComparingTo("175");
		assertThat(quote.get("vatAmount").decimalValue()).isEqualByComparingTo("36.75");
		assertThat(quote.get("totalWithVat").decimalValue()).isEqualByComparingTo("211.75");
		assertThat(quote.get("warnings").size()).isPositive();
		assertThat(quote.get("baseDocuments").size()).isPositive();
		assertThat(quote.get("partnerWorkshopCertificatePrice").decimalValue()).isEqualByComparingTo("85");
		assertThat(body.get("catalogVersion").asString()).isEqualTo(this.catalog.version());
	}

	@Test
	void answersQuestionsNoTariffAndCodesAndRejectsBadInput() {
		JsonNode questions = ok(post(api("/api/quotes"), "{\"text\":\"quiero legalizar la suspension\",\"clientType\":\"particular\"}"));
		assertThat(questions.get("outcome").asString()).isEqualTo("questions");
		assertThat(questions.get("questions").get(0).get("umbrellaCode").asString()).isEqualTo("SUSPENSION");
		JsonNode noTariff = ok(post(api("/api/quotes"), "{\"text\":\"el escape\",\"clientType\":\"particular\",\"vehicleType\":\"coche\"}"));
		assertThat(noTariff.get("outcome").asString()).isEqualTo("no_tariff");
		JsonNode codes = ok(post(api("/api/quotes"), "{\"elements\":[\"ESCAPE\"],\"clientType\":\"particular\"}"));
		assertThat(codes.get("quote").get("tierCode").asString()).isEqualTo("T6");
		JsonNode umbrella = ok(post(api("/api/quotes"), "{\"elements\":[\"SUSPENSION\"],\"clientType\":\"particular\"}"));
		assertThat(umbrella.get("outcome").asString()).isEqualTo("questions");

		for (String bad : List.of("{\"text\":\"escape\"}", "{\"text\":\"escape\",\"clientType\":\"marciano\"}",
				"{\"clientType\":\"particular\"}", "{\"text\":\"x\",\"elements\":[\"ESCAPE\"],\"clientType\":\"particular\"}",
				"{\"elements\":[\"NO_EXISTE\"],\"clientType\":\"particular\"}", "{not json")) {
			HttpResponse<String> response = post(api("/api/quotes"), bad);
			assertThat(response.statusCode()).as(bad).isEqualTo(400);
			assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying((t) -> assertThat(t).contains("problem+json"));
		}
	}

	@Test
	void servesCategoriesAndElements() {
		JsonNode categories = ok(get(api("/api/catalog/categories")));
		assertThat(categories.findValuesAsString("slug")).containsExactly("motos-part", "aseicars-prof");
		JsonNode category = ok(get(api("/api/catalog/categories/motos-part")));
		assertThat(category.get("tiers").size()).isEqualTo(6);
		JsonNode t1Admits = category.get("tiers").get(5).get("admits");
		assertThat(t1Admits.findValuesAsString("group")).containsExactlyInAnyOrder("LISTA_T4", "LISTA_T3", "PLAZAS", "LISTA_T1");
		assertThat(t1Admits.findValues("unlimited")).allMatch(JsonNode::asBoolean);
		assertThat(category.get("baseDocuments").get(0).get("exampleImageUrl").asString())
			.endsWith("/api/catalog/images/Motos/01_Documentacion_Obligatoria/fichatecnica_permiso.png");
		assertThat(ok(get(api("/api/catalog/categories/motos-part/elements"))).size()).isPositive();
		assertThat(get(api("/api/catalog/categories/nope")).statusCode()).isEqualTo(404);
	}

	@Test
	void anAdminEditChangesTheNextQuoteAndIsAudited() {
		String before = this.catalog.version();
		assertThat(send("PATCH", admin("/categories/motos-part/tiers/T5"), "{\"price\": 180.50}", this.admin,
				PASSWORD).statusCode()).isEqualTo(204);
		try {
			JsonNode body = ok(post(api("/api/quotes"),
					"{\"text\":\"quiero homologar un escape y el manillar\",\"clientType\":\"particular\"}"));
			assertThat(body.get("quote").get("tierPrice").decimalValue()).isEqualByComparingTo("180.50");
			assertThat(body.get("catalogVersion").asString()).isNotEqualTo(before);
			JsonNode audit = ok(send("GET", admin("/audit?limit=20"), null, this.admin, PASSWORD));
			JsonNode row = find(audit, "catalog_tiers", "motos-part/T5");
			assertThat(row.get("changedBy").asString()).isEqualTo(this.admin);
			assertThat(row.get("action").asString()).isEqualTo("update");
			assertThat(row.get("before").get("price").decimalValue()).isEqualByComparingTo("175");
			assertThat(row.get("after").get("price").decimalValue()).isEqualByComparingTo("180.50");
		}
		finally {
			send("PATCH", admin("/categories/motos-part/tiers/T5"), "{\"price\": 175}", this.admin, PASSWORD);
		}
		assertThat(((Quote) this.catalog.quoteCodes(ClientType.PARTICULAR, null, List.of("ESCAPE", "MANILLAR")))
			.tierPrice()).isEqualByComparingTo("175");
	}

	@Test
	void createsMatchesAndDeletesAnElement() {
		String element = """
				{"code": "PORTABULTOS_IT", "nameEs": "Portabultos", "group": "LISTA_T4",
				 "keywords": ["Portabultos Trasero"], "aliases": ["top case rack"],
				 "warnings": [{"code": "PORTABULTOS_IT_AVISO", "severity": "info", "textEs": "Debe ir homologado."}],
				 "requiredFields": [{"key": "marca", "labelEs": "Marca", "type": "text", "required": true},
				                    {"key": "peso", "labelEs": "Peso", "type": "number", "required": false, "min": 0, "max": 50,
				                     "when": {"field": "marca", "equals": "Givi"}}],
				 "photosEs": ["Foto del portabultos montado"], "exampleImages": []}""";
		assertThat(send("POST", admin("/categories/motos-part/elements"), element, this.admin, PASSWORD).statusCode())
			.isEqualTo(201);
		try {
			JsonNode body = ok(post(api("/api/quotes"),
					"{\"text\":\"quiero homologar el portabultos trasero\",\"clientType\":\"particular\"}"));
			assertThat(body.get("quote").get("items").get(0).get("code").asString()).isEqualTo("PORTABULTOS_IT");
			assertThat(body.get("quote").get("photosEs").get(0).asString()).isEqualTo("Foto del portabultos montado");
			assertThat(this.catalog.category("motos-part").orElseThrow().element("PORTABULTOS_IT").orElseThrow()
				.requiredFields().get(1).when()).isEqualTo(new FieldCondition("marca", "Givi"));
		}
		finally {
			assertThat(send("DELETE", admin("/categories/motos-part/elements/PORTABULTOS_IT"), null, this.admin,
					PASSWORD).statusCode()).isEqualTo(204);
		}
		assertThat(this.catalog.category("motos-part").orElseThrow().element("PORTABULTOS_IT")).isEmpty();
		JsonNode audit = ok(send("GET", admin("/audit?limit=50"), null, this.admin, PASSWORD));
		assertThat(find(audit, "catalog_elements", "motos-part/PORTABULTOS_IT").get("action").asString()).isEqualTo("delete");
	}

	@Test
	void anEditCommittedByAnotherProcessIsSeenWithinAboutASecondAndAudited() {
		String version = this.catalog.version();
		setT6Price("150");
		try {
			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
					((Quote) this.catalog.quoteCodes(ClientType.PARTICULAR, null, List.of("ESCAPE"))).tierPrice())
				.isEqualByComparingTo("150"));
			assertThat(this.catalog.version()).isNotEqualTo(version);
			assertThat(this.jdbc.sql("SELECT changed_by FROM catalog_audit WHERE table_name = 'catalog_tiers' ORDER BY id DESC LIMIT 1")
				.query(String.class)
				.single()).startsWith("db:");
		}
		finally {
			setT6Price("140");
			await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(
					((Quote) this.catalog.quoteCodes(ClientType.PARTICULAR, null, List.of("ESCAPE"))).tierPrice())
				.isEqualByComparingTo("140"));
		}
	}

	// What another process (or a DBA) does: change a row and bump the revision, without this JVM knowing.
	private void setT6Price(String price) {
		this.jdbc.sql("UPDATE catalog_tiers SET price = CAST(:p AS numeric) WHERE category = 'motos-part' AND code = 'T6'")
			.param("p", price)
			.update();
		this.jdbc.sql("UPDATE catalog_meta SET revision = revision + 1").update();
	}

	@Test
	void invalidEditsAnswer400AndChangeNothing() {
		String version = this.catalog.version();
		long audited = auditRows();
		List<String[]> cases = new ArrayList<>();
		cases.add(new String[] { "PATCH", "/categories/motos-part/tiers/T5", "{\"admits\": {\"LISTA_X\": 1}}", "admits.LISTA_X" });
		cases.add(new String[] { "PATCH", "/categories/motos-part/tiers/T5", "{\"price\": -5}", "price" });
		cases.add(new String[] { "PATCH", "/categories/motos-part/tiers/T5", "{\"price\": 0}", "price" });
		cases.add(new String[] { "POST", "/categories/motos-part/elements",
				"{\"code\": \"ESCAPE\", \"nameEs\": \"Otro escape\", \"group\": \"LISTA_T4\", \"keywords\": [\"otro\"]}", "code" });
		cases.add(new String[] { "POST", "/categories/motos-part/elements",
				"{\"code\": \"NUEVO_IT\", \"nameEs\": \"Nuevo\", \"group\": \"LISTA_T4\", \"keywords\": [\"escape\"]}", "catalog" });
		cases.add(new String[] { "POST", "/categories/motos-part/elements",
				"{\"code\": \"NUEVO_IT\", \"nameEs\": \"Nuevo\", \"group\": \"NO_GROUP\", \"keywords\": [\"nuevo\"]}", "group" });
		cases.add(new String[] { "PUT", "/categories/motos-part/surcharges/ENSAYO_FRENADA",
				"{\"nameEs\": \"Ensayo\", \"price\": 375, \"appliesTo\": [\"T9\"], \"onRequest\": true}", "catalog" });
		cases.add(new String[] { "PUT", "/categories/motos-part/extras/URGENTE",
				"{\"nameEs\": \"Urgente\", \"price\": -1, \"unit\": \"per_case\"}", "price" });
		cases.add(new String[] { "DELETE", "/categories/motos-part/elements/LLANTAS", null, "catalog" });
		for (String[] c : cases) {
			HttpResponse<String> response = send(c[0], admin(c[1]), c[2], this.admin, PASSWORD);
			assertThat(response.statusCode()).as(c[2]).isEqualTo(400);
			assertThat(read(response).get("errors").findValuesAsString("field")).as(c[2]).contains(c[3]);
		}
		assertThat(this.catalog.version()).isEqualTo(version);
		assertThat(auditRows()).isEqualTo(audited);
		assertThat(this.catalog.tiers("motos-part")).isNotNull();
		assertThat(send("PATCH", admin("/categories/motos-part/tiers/T99"), "{\"price\": 5}", this.admin, PASSWORD)
			.statusCode()).isEqualTo(404);
	}

	@Test
	void adminEndpointsRefuseAnonymousAndStaff() {
		String url = admin("/categories/motos-part/tiers/T5");
		assertThat(send("PATCH", url, "{\"price\": 1}", null, null).statusCode()).isEqualTo(401);
		assertThat(send("PATCH", url, "{\"price\": 1}", this.admin, "wrong").statusCode()).isEqualTo(401);
		assertThat(send("PATCH", url, "{\"price\": 1}", this.staff, PASSWORD).statusCode()).isEqualTo(403);
		assertThat(send("GET", admin("/audit"), null, this.staff, PASSWORD).statusCode()).isEqualTo(403);
		assertThat(send("GET", admin("/audit"), null, null, null).statusCode()).isEqualTo(401);
		assertThat(((Quote) this.catalog.quoteCodes(ClientType.PARTICULAR, null, List.of("ESCAPE"))).tierPrice())
			.isEqualByComparingTo("140");
	}

	@Test
	void servesExampleImagesAndRefusesTraversal() {
		HttpResponse<String> image = get(api("/api/catalog/images/Motos/01_Documentacion_Obligatoria/fichatecnica_permiso.png"));
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(get(api("/api/catalog/images/Motos/no-such.png")).statusCode()).isEqualTo(404);
		for (String path : List.of("../catalog-2026.json", "Motos/../../catalog-2026.json",
				"..%2F..%2Fapplication.yaml", "%2e%2e/catalog-2026.json", "..%5Ccatalog-2026.json")) {
			HttpResponse<String> response = send("GET", api("/api/catalog/images/") + path, null, null, null);
			assertThat(response.statusCode()).as(path).isBetween(400, 404);
			assertThat(response.body()).doesNotContain("vat_rate").doesNotContain("spring:");
		}
	}

	@Test
	void seedingAgainNeitherDuplicatesNorOverwrites() {
		assertThat(send("PUT", admin("/categories/motos-part/extras/URGENTE"),
				"{\"nameEs\": \"Urgente\", \"price\": 123, \"unit\": \"per_case\"}", this.admin, PASSWORD).statusCode())
			.isEqualTo(204);
		try {
			long elements = count("catalog_elements");
			long tiers = count("catalog_tiers");
			String version = this.catalog.version();
			assertThat(this.seeder.seedIfEmpty()).isFalse();
			assertThat(count("catalog_elements")).isEqualTo(elements);
			assertThat(count("catalog_tiers")).isEqualTo(tiers);
			assertThat(count("catalog_meta")).isEqualTo(1);
			assertThat(this.catalog.version()).isEqualTo(version);
			assertThat(this.catalog.category("motos-part").orElseThrow().extras().stream()
				.filter((x) -> x.code().equals("URGENTE")).findFirst().orElseThrow().price()).isEqualByComparingTo("123");
		}
		finally {
			send("PUT", admin("/categories/motos-part/extras/URGENTE"),
					"{\"nameEs\": \"Urgente\", \"price\": 100, \"unit\": \"per_case\"}", this.admin, PASSWORD);
		}
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

	private long auditRows() {
		return count("catalog_audit");
	}

	private static JsonNode find(JsonNode audit, String table, String rowKey) {
		for (JsonNode row : audit) {
			if (row.get("table").asString().equals(table) && row.get("rowKey").asString().equals(rowKey)) {
				return row;
			}
		}
		throw new AssertionError("No audit row for " + table + " " + rowKey + " in " + audit);
	}

	private String api(String path) {
		return "http://localhost:" + this.ports.apiPort() + path;
	}

	private String admin(String path) {
		return api("/api/admin/catalog" + path);
	}

	private JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return read(response);
	}

	private JsonNode read(HttpResponse<String> response) {
		return this.json.readTree(response.body());
	}

	private HttpResponse<String> send(String method, String url, @Nullable String body, @Nullable String user,
			@Nullable String password) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method, (body == null) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user != null) {
			String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
			request.header("Authorization", "Basic " + token);
		}
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
