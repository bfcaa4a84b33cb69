package es.msia.bot.admin;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Random;

import es.msia.bot.cases.files.PhotoSamples;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff accept a photo the quality gate flagged, through the panel's HTTP endpoints: the case page shows the
 * flag, the numbers and an accept button; accepting (htmx) makes the photo count, which completes the exhaust's
 * photo step, so the case moves on and the customer's next message is read as the next question's answer.
 */
class FlaggedPhotoPanelIT extends PanelTest {

	@Test
	void staffAcceptAFlaggedPhotoAndTheCaseProceeds() {
		ChattingCustomer customer = new ChattingCustomer(chatwoot, ports.apiPort(), WEBHOOK_TOKEN, IntegrationTest::nextId);
		long conversation = customer.conversation;
		customer.say("quiero legalizar el escape", List.of());
		customer.say("vale, adelante", List.of());
		assertThat(customer.say("", List.of(chatwoot.serveFile(photo(31, 1.0))))).contains("Recibida 1 foto").contains("Falta 1 más");
		assertThat(customer.say("", List.of(chatwoot.serveFile(photo(32, 0.1)))))
			.isEqualTo("La foto de *Escape (línea completa)* está muy oscura, ¿puedes repetirla con más luz?");
		Map<String, Object> row = jdbc.sql("SELECT id, data::text AS data FROM cases WHERE conversation_id = :c")
			.param("c", conversation).query().singleRow();
		long id = (Long) row.get("id");
		assertThat((String) row.get("data")).contains("\"slotsDone\": []");
		long flagged = jdbc.sql("SELECT id FROM case_files WHERE case_id = :c AND quality_issue = 'too_dark'").param("c", id)
			.query(Long.class).single();

		PanelClient panel = panel();
		panel.login(user("staff"), PASSWORD);
		String detail = panel.get("/cases/" + id).body();
		assertThat(detail).contains("Calidad: muy oscura").contains("No cuenta para el paso").contains("id=\"accept-" + flagged + "\"")
			.contains("nitidez").contains("Foto devuelta al recibirla");

		HttpResponse<String> accepted = panel.postHtmx("/cases/" + id + "/files/" + flagged + "/accept", "");
		assertThat(accepted.statusCode()).isEqualTo(200);
		assertThat(accepted.body().strip()).startsWith("<div").contains("id=\"file-" + flagged + "\"").contains("Calidad: muy oscura")
			.doesNotContain("No cuenta para el paso").doesNotContain("id=\"accept-" + flagged + "\"");
		assertThat(jdbc.sql("SELECT counted FROM case_files WHERE id = :f").param("f", flagged).query(Boolean.class).single())
			.isTrue();
		assertThat(jdbc.sql("SELECT data::text FROM cases WHERE id = :c").param("c", id).query(String.class).single())
			.contains("\"slotsDone\": [\"item:ESCAPE\"]");
		assertThat(panel.get("/cases/" + id).body()).contains("Foto de calidad dudosa aceptada por el equipo");
		// Accepting again changes nothing and logs nothing.
		panel.postHtmx("/cases/" + id + "/files/" + flagged + "/accept", "");
		assertThat(jdbc.sql("SELECT count(*) FROM case_events WHERE case_id = :c AND type = 'photo_accepted'").param("c", id)
			.query(Long.class).single()).isEqualTo(1);
		assertThat(panel.postHtmx("/cases/" + id + "/files/999999999/accept", "").statusCode()).isEqualTo(404);

		// The case moved on: the customer's next message answers the exhaust's questions, not the photos.
		assertThat(customer.say("Akrapovic S-Y7SO4-HAPC", List.of())).doesNotContain("necesito estas fotos");
		assertThat(jdbc.sql("SELECT data::text FROM cases WHERE id = :c").param("c", id).query(String.class).single())
			.contains("Akrapovic");
	}

	private static byte[] photo(int seed, double exposure) {
		return PhotoSamples.jpegBytes(
				PhotoSamples.exposure(PhotoSamples.shapes(new Random(seed), 1280, 960), exposure, false), 0.85f);
	}

}
