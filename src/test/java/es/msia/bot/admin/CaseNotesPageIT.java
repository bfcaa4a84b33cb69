package es.msia.bot.admin;

import java.time.Duration;
import java.util.List;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Staff mark a note on the case page as visible to the customer (the *Notas* card, or the status form's
 * note): the timeline shows it as such, and the customer who asks how their case is going is told the
 * latest one, never an internal note.
 */
class CaseNotesPageIT extends PanelTest {

	final long conversation = nextId();

	final String phone = "+3463" + String.format("%07d", conversation % 10_000_000);

	@Test
	void aNoteMarkedForTheCustomerIsWhatTheBotTellsThem() {
		say("quiero legalizar el escape");
		assertThat(say("vale, adelante")).contains("Abro tu expediente");
		long id = jdbc.sql("SELECT id FROM cases WHERE conversation_id = :c").param("c", conversation).query(Long.class).single();

		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(user("staff"), PASSWORD);
		assertThat(panel.get("/cases/" + id).body()).contains("id=\"case-note-form\"").contains("Visible para el cliente");

		assertThat(panel.post("/cases/" + id + "/status",
				"status=pending_review&note=Revisado+por+Ana%2C+todo+en+orden&forCustomer=true").statusCode()).isEqualTo(302);
		assertThat(panel.get("/cases/" + id).body()).contains("Estado del expediente cambiado");
		assertThat(panel.post("/cases/" + id + "/notes", "note=Cliente+muy+insistente").statusCode()).isEqualTo(302);
		assertThat(panel.get("/cases/" + id).body()).contains("Nota añadida al historial");
		assertThat(panel.post("/cases/" + id + "/notes", "note=").statusCode()).isEqualTo(302);
		assertThat(panel.get("/cases/" + id).body()).contains("La nota está vacía");

		String page = panel.get("/cases/" + id).body();
		assertThat(page).contains("Nota para el cliente").contains("Revisado por Ana, todo en orden").contains("Nota interna")
			.contains("Cliente muy insistente");
		assertThat(jdbc.sql("SELECT string_agg(type, ',' ORDER BY id) FROM case_events WHERE case_id = :c").param("c", id)
			.query(String.class).single()).endsWith("status_pending_review,customer_note,note");

		String told = say("¿cómo va mi expediente?");
		assertThat(told).contains("*pendiente de revisión*").contains("«Revisado por Ana, todo en orden»")
			.doesNotContain("insistente");

		assertThat(panel.post("/cases/" + id + "/notes", "note=Pedimos+la+ficha+al+fabricante&forCustomer=true").statusCode())
			.isEqualTo(302);
		assertThat(panel.get("/cases/" + id).body()).contains("el bot se la dirá si pregunta por su expediente");
		assertThat(say("que tal va el tramite")).contains("«Pedimos la ficha al fabricante»").doesNotContain("Revisado por Ana");
	}

	private String say(String text) {
		int before = customerFacing().size();
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversation, phone, text).toString()).body()).contains("accepted");
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		return String.join("\n", customerFacing().subList(before, customerFacing().size()).stream()
			.map(StoredMessage::content).toList());
	}

	private List<StoredMessage> customerFacing() {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
	}

}
