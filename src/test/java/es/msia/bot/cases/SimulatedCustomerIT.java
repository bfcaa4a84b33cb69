package es.msia.bot.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.cases.domain.CustomerProfile;
import es.msia.bot.cases.domain.SimulatedCustomer;
import es.msia.bot.cases.domain.SimulatedCustomer.Style;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulated customer of {@code SimulatedCustomerTests} through the whole system: the real webhook,
 * stream, conversation graph (offline understanding), case flow and PostgreSQL, with photos served by the
 * fake Chatwoot. One prose-writing customer per catalogue quotes an element, accepts and completes the
 * case; the stored case must hold exactly what they wrote. Transcripts go to
 * {@code target/transcripts/simulated-prose-<category>.md}.
 */
class SimulatedCustomerIT extends CaseChats {

	private final CatalogDefinition catalog = Catalogs.current();

	@ParameterizedTest
	@CsvSource({ "motos-part, ESCAPE, Particular, 0", "aseicars-prof, AIRE_ACONDI, Profesional, 1" })
	void aProseWritingCustomerCompletesACaseThroughTheWholeSystem(String slug, String elementCode, String tipo, int persona) {
		CategoryDefinition category = catalog.category(slug).orElseThrow();
		ElementDefinition element = category.elements().stream().filter(e -> e.code().equals(elementCode)).findFirst()
			.orElseThrow();
		List<SimulatedCustomer.Known> known = CustomerProfile.of(catalog.caseData(), element, null,
				slug.startsWith("aseicars"), persona);
		SimulatedCustomer simulated = new SimulatedCustomer(known, Style.PROSE, persona % 2 == 0, true);
		Customer customer = new Customer("+3462" + String.format("%07d", nextId() % 10_000_000), "Lucía Martín", tipo);

		customer.says("Hola, quiero legalizar " + element.nameEs().toLowerCase(java.util.Locale.ROOT));
		String bot = customer.says("vale, adelante");
		assertThat(bot).contains("Abro tu expediente");
		int seed = 0;
		for (int turn = 0; turn < 60 && !bot.contains("pasa a revisión"); turn++) {
			Optional<SimulatedCustomer.Message> answer = simulated.answer(bot);
			assertThat(answer).as("the customer knows what to answer to: %s", bot).isPresent();
			List<byte[]> files = new ArrayList<>();
			for (int i = 0; i < answer.get().files(); i++) {
				files.add(jpeg(persona * 1000 + seed++));
			}
			bot = files.isEmpty() ? customer.says(answer.get().text()) : customer.sends(answer.get().text(), files.toArray(byte[][]::new));
		}
		customer.writeTranscript("simulated-prose-" + slug, "Simulated prose customer, " + category.nameEs());

		assertThat(bot).contains("pasa a revisión");
		assertThat(customer.caseRow()).containsEntry("status", "pending_review");
		JsonNode data = customer.data();
		assertStored(data.path("personal"), CustomerProfile.expected(known, catalog.caseData().personal()));
		assertStored(data.path("vehicle"), CustomerProfile.expected(known, catalog.caseData().vehicle()));
		List<FieldSpec> fields = element.requiredFields();
		assertStored(data.path("items").get(0).path("fields"), CustomerProfile.expected(known, fields));
	}

	/** Every stored value is what the customer gave. */
	private static void assertStored(JsonNode stored, Map<String, String> expected) {
		assertThat(stored.size()).isPositive();
		for (Map.Entry<String, JsonNode> value : stored.properties()) {
			assertThat(expected).containsKey(value.getKey());
			assertThat(SimulatedCustomer.same(expected.get(value.getKey()), value.getValue().asString()))
				.as("%s stored «%s», customer gave «%s»", value.getKey(), value.getValue().asString(), expected.get(value.getKey()))
				.isTrue();
		}
	}

}
