package es.msia.bot.catalog.seed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.CatalogIntegrityViolated;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.VehicleType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogJsonReaderTests {

	@Test
	void readsTheRealCatalogue() {
		CatalogDefinition catalog = Catalogs.current();

		assertThat(catalog.version()).isEqualTo("2026.1");
		assertThat(catalog.vatRate()).isEqualByComparingTo("0.21");
		assertThat(catalog.categories()).extracting("slug").containsExactly("motos-part", "aseicars-prof");
		assertThat(catalog.examples()).hasSize(38);
		assertThat(catalog.caseData().personal()).hasSize(11);
		assertThat(catalog.caseData().vehicle()).hasSize(15);
		assertThat(catalog.caseData().workshop().ownWorkshopFields()).hasSize(8);
		assertThat(catalog.caseData().workshop().partnerPrice("aseicars-prof")).contains(new BigDecimal("70"));
	}

	@Test
	void keepsUnlimitedCapsAsNull() {
		TierDefinition t1 = Catalogs.current().category("motos-part").orElseThrow().tiers().get(5);

		assertThat(t1.code()).isEqualTo("T1");
		assertThat(t1.admits()).containsEntry("LISTA_T1", null);
		assertThat(t1.admits("LISTA_T1", 99)).isTrue();
	}

	@Test
	void readsUmbrellasVariantsAndConditionalFields() {
		var motos = Catalogs.current().categoryFor(ClientType.PARTICULAR, VehicleType.MOTO).orElseThrow();
		ElementDefinition suspension = motos.element("SUSPENSION").orElseThrow();

		assertThat(suspension.isUmbrella()).isTrue();
		assertThat(suspension.variantQuestionEs()).startsWith("¿Qué suspensión");
		assertThat(suspension.variants()).extracting("code").containsExactly("SUSPENSION_DEL", "SUSPENSION_TRAS");
		FieldSpec first = suspension.requiredFields().get(0);
		assertThat(first.when()).isNotNull();
		assertThat(first.when().isSatisfiedBy("SUSPENSION_DEL")).isTrue();
	}

	@Test
	void readsBooleanConditionsAsText() {
		FieldSpec width = Catalogs.current()
			.caseData()
			.vehicle()
			.stream()
			.filter((f) -> f.key().equals("ancho_final_mm"))
			.findFirst()
			.orElseThrow();

		assertThat(width.when().isSatisfiedBy(true)).isTrue();
		assertThat(width.min()).isEqualByComparingTo("400");
	}

	@Test
	void listsEveryProblemOfABrokenCopy() throws IOException {
		String json = realJson().replace("\"trigger_elements\": [\n            \"AUMENTO_PLAZAS\"",
				"\"trigger_elements\": [\n            \"PLAZAS_FANTASMA\"")
			.replace("\"code\": \"ESPEJOS\"", "\"code\": \"ESCAPE\"")
			.replace("\"LISTA_T4\": 1", "\"LISTA_T9\": 1")
			.replace("\"asideros\",", "\"manillar\",");

		assertThatThrownBy(() -> Catalogs.read(stream(json))).isInstanceOf(CatalogIntegrityViolated.class)
			.satisfies((ex) -> assertThat(((CatalogIntegrityViolated) ex).problems()).hasSizeGreaterThanOrEqualTo(4))
			.hasMessageContaining("trigger refers to unknown 'PLAZAS_FANTASMA'")
			.hasMessageContaining("element/variant code 'ESCAPE' is duplicated")
			.hasMessageContaining("tier T6 admits refers to unknown 'LISTA_T9'")
			.hasMessageContaining("keyword 'manillar' shared by ASIDEROS and MANILLAR");
	}

	@Test
	void rejectsUnreadableJson() {
		assertThatThrownBy(() -> Catalogs.read(stream("{ \"version\": "))).isInstanceOf(CatalogIntegrityViolated.class)
			.hasMessageContaining("Unreadable catalogue");
	}

	private static String realJson() throws IOException {
		try (InputStream in = Catalogs.class.getResourceAsStream(Catalogs.CURRENT_RESOURCE)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static InputStream stream(String json) {
		return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
	}

}
