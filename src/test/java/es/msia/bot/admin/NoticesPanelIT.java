package es.msia.bot.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import es.msia.bot.notifications.NoticePurpose;
import es.msia.bot.notifications.NoticeTemplate;
import es.msia.bot.notifications.NoticeTemplates;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static es.msia.bot.admin.PanelClient.enc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The template registry in Ajustes, and a template WhatsApp refuses: an admin points the cancellation
 * notice at a template that is not approved, cancels a case whose window is closed, and the refusal
 * (a {@code message_updated} with {@code external_error} from the fake Chatwoot) shows on the case's
 * timeline and on the Sistema page.
 */
class NoticesPanelIT extends PanelTest {

	final long conversation = nextId();

	final String phone = "+3463" + String.format("%07d", conversation % 10_000_000);

	@Autowired
	NoticeTemplates templates;

	@Test
	void anAdminEditsATemplateAndARefusedOneShowsOnTheCaseAndInSistema() {
		NoticeTemplate original = templates.find(NoticePurpose.CASE_CANCELLED).orElseThrow();
		try {
			say("quiero legalizar el escape", List.of());
			say("vale, adelante", List.of());
			long id = jdbc.sql("SELECT id FROM cases WHERE conversation_id = :c").param("c", conversation)
				.query(Long.class).single();

			PanelClient panel = new PanelClient(ports.adminPort());
			panel.login(user("admin"), PASSWORD);
			String settings = panel.get("/settings").body();
			assertThat(settings).contains("id=\"notice-case_cancelled\"").contains("msia_estado_expediente")
				.contains("msia_archivo_rechazado").contains("customer_name,case_reference,item,reason");

			// A body whose {{n}} do not match its parameters would be refused by WhatsApp: not saved.
			panel.post("/settings/notices/case_cancelled", form(original, "msia_cancelacion_sin_aprobar", "Hola {{1}} y {{2}}"));
			assertThat(panel.get("/settings").body()).contains("Los parámetros no cuadran con el cuerpo");
			assertThat(templates.find(NoticePurpose.CASE_CANCELLED).orElseThrow().templateName())
				.isEqualTo(original.templateName());

			assertThat(panel.post("/settings/notices/case_cancelled",
					form(original, "msia_cancelacion_sin_aprobar", original.templateBody())).statusCode()).isEqualTo(302);
			assertThat(panel.get("/settings").body()).contains("Aviso guardado").contains("msia_cancelacion_sin_aprobar");
			assertThat(templates.find(NoticePurpose.CASE_CANCELLED).orElseThrow().updatedBy()).startsWith("panel:admin-");

			// Two days of silence, then staff cancel: the notice goes as a template WhatsApp does not know.
			chatwoot.approveTemplate("msia_estado_expediente", "es");
			chatwoot.sendWebhooksTo("http://localhost:" + ports.apiPort() + "/api/chatwoot/webhook?token=" + WEBHOOK_TOKEN);
			Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
			jdbc.sql("UPDATE conversations SET last_customer_message_at = :at WHERE id = :c")
				.param("at", java.sql.Timestamp.from(twoDaysAgo)).param("c", conversation).update();
			chatwoot.givenLastIncoming(conversation, twoDaysAgo);
			panel.get("/cases/" + id);
			assertThat(panel.post("/cases/" + id + "/status", "status=cancelled&note=").statusCode()).isEqualTo(302);

			await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql(
					"SELECT status FROM outbound_messages WHERE idempotency_key = :k")
				.param("k", "case-notice:" + id + ":case_cancelled").query(String.class).optional()
				.filter("failed"::equals).isPresent());
			List<StoredMessage> stored = chatwoot.messages(conversation);
			StoredMessage refused = stored.get(stored.size() - 1);
			assertThat(refused.status()).isEqualTo("failed");
			assertThat(refused.templateParams().path("name").asString()).isEqualTo("msia_cancelacion_sin_aprobar");
			Map<String, Object> row = jdbc.sql("SELECT sent_as, last_error FROM outbound_messages WHERE idempotency_key = :k")
				.param("k", "case-notice:" + id + ":case_cancelled").query().singleRow();
			assertThat(row).containsEntry("sent_as", "template");
			assertThat((String) row.get("last_error")).contains(FakeChatwoot.TEMPLATE_NOT_FOUND);

			await().atMost(Duration.ofSeconds(10)).until(() -> panel.get("/cases/" + id).body()
				.contains("WhatsApp rechazó el aviso al cliente"));
			assertThat(panel.get("/cases/" + id).body()).contains("case_cancelled (plantilla): " + FakeChatwoot.TEMPLATE_NOT_FOUND);
			assertThat(panel.get("/system").body()).contains("WhatsApp no lo entregó: " + FakeChatwoot.TEMPLATE_NOT_FOUND);
		}
		finally {
			templates.save(original, "test");
		}
	}

	private static String form(NoticeTemplate entry, String name, String body) {
		return "enabled=true&templateName=" + enc(name) + "&language=" + enc(entry.language()) + "&category="
				+ enc(entry.category()) + "&bodyParams=" + enc(entry.bodyParamCodes()) + "&templateBody=" + enc(body)
				+ "&statusText=" + enc(entry.statusText()) + "&windowText=" + enc(entry.windowText());
	}

	private void say(String text, List<String> dataUrls) {
		int before = customerFacing().size();
		ObjectNode payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, text);
		ArrayNode attachments = payload.putArray("attachments");
		dataUrls.forEach(url -> attachments.addObject().put("id", nextId()).put("file_type", "image").put("data_url", url));
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body()).contains("accepted");
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
	}

	private List<StoredMessage> customerFacing() {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
	}

}
