package es.msia.bot.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Expedientes in the panel, on a case opened through the real conversation (webhook, agent, case flow) with
 * two photos served by the fake Chatwoot: the queue and its counts, the detail, the files streamed behind the
 * login, file review through htmx, status changes with a note on the timeline, and the ZIP.
 */
class CasePagesIT extends PanelTest {

	final long conversation = nextId();

	final String phone = "+3462" + String.format("%07d", conversation % 10_000_000);

	@Test
	void staffWorkACaseFromTheQueueToCancellation() throws IOException {
		say("quiero legalizar el escape", List.of());
		assertThat(say("vale, adelante", List.of())).contains("Abro tu expediente");
		assertThat(say("", List.of(chatwoot.serveFile(jpeg(71)), chatwoot.serveFile(jpeg(72))))).contains("Recib");
		Map<String, Object> row = jdbc.sql("SELECT id, reference FROM cases WHERE conversation_id = :c")
			.param("c", conversation).query().singleRow();
		long id = (Long) row.get("id");
		String reference = (String) row.get("reference");
		List<Long> files = jdbc.sql("SELECT id FROM case_files WHERE case_id = :c ORDER BY id").param("c", id)
			.query(Long.class).list();
		assertThat(files).hasSize(2);
		long collecting = jdbc.sql("SELECT count(*) FROM cases WHERE status = 'collecting'").query(Long.class).single();

		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(user("staff"), PASSWORD);

		String queue = panel.get("/cases?status=collecting").body();
		assertThat(queue).contains("href=\"/cases\"").contains(reference).contains("Recogiendo datos");
		assertThat(queue).containsPattern("id=\"count-collecting\"[\\s\\S]*?<span class=\"badge[^>]*>" + collecting + "<");
		assertThat(panel.get("/cases?status=resolved&q=" + reference).body()).contains("No hay expedientes")
			.doesNotContain("href=\"/cases/" + id + "\"");
		HttpResponse<String> fragment = panel.getHtmx("/cases?q=" + reference);
		assertThat(fragment.body().strip()).startsWith("<div").contains("cases-table").contains(reference).doesNotContain("<nav");

		String detail = panel.get("/cases/" + id).body();
		assertThat(detail).contains("Expediente " + reference).contains("Escape").contains("Sin revisar")
			.contains("/cases/" + id + "/files/" + files.get(0)).contains("/cases/" + id + "/files.zip")
			.contains("Expediente abierto").contains("Archivo recibido")
			// A collecting case may only be cancelled by staff: the page offers nothing else.
			.contains("id=\"move-cancelled\"").doesNotContain("id=\"move-resolved\"").doesNotContain("id=\"move-in_progress\"");
		assertThat(panel.get("/cases/999999999").statusCode()).isEqualTo(404);

		HttpResponse<byte[]> photo = panel.getBytes("/cases/" + id + "/files/" + files.get(0));
		assertThat(photo.statusCode()).isEqualTo(200);
		assertThat(photo.headers().firstValue("Content-Type")).hasValue("image/jpeg");
		assertThat(photo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(photo.body()).isEqualTo(jpeg(71));
		assertThat(panel.getBytes("/cases/" + id + "/files/" + files.get(0) + "?download=true").headers()
			.firstValue("Content-Disposition")).hasValueSatisfying(h -> assertThat(h).startsWith("attachment"));
		assertThat(panel.getBytes("/cases/" + id + "/files/999999999").statusCode()).isEqualTo(404);

		String path = "/cases/" + id + "/files/" + files.get(0) + "/review";
		String unexplained = panel.postHtmx(path, "valid=false&reason=").body();
		assertThat(unexplained).contains("escribe el motivo").contains("Sin revisar").doesNotContain("<nav");
		String rejected = panel.postHtmx(path, "valid=false&reason=Foto+borrosa").body();
		assertThat(rejected.strip()).startsWith("<div").contains("id=\"file-" + files.get(0) + "\"").contains("Rechazado")
			.contains("Foto borrosa");
		assertThat(panel.postHtmx("/cases/" + id + "/files/" + files.get(1) + "/review", "valid=true").body())
			.contains("Validado");
		assertThat(jdbc.sql("SELECT review_status || ':' || coalesce(review_reason, '') FROM case_files WHERE case_id = :c ORDER BY id")
			.param("c", id).query(String.class).list()).containsExactly("rejected:Foto borrosa", "validated:");

		panel.get("/cases/" + id);
		HttpResponse<String> refused = panel.post("/cases/" + id + "/status", "status=resolved&note=");
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(panel.get("/cases/" + id).body()).contains("no admite ese cambio");
		assertThat(panel.post("/cases/" + id + "/status", "status=cancelled&note=Duplicado+del+otro").statusCode())
			.isEqualTo(302);
		String cancelled = panel.get("/cases/" + id).body();
		assertThat(cancelled).contains("Estado del expediente cambiado").contains("Duplicado del otro")
			.contains("Archivo rechazado").contains("Foto borrosa").containsPattern("id=\"case-status\"[^>]*>Cancelado<")
			.contains("El expediente está cerrado").doesNotContain("id=\"case-status-form\"");
		assertThat(jdbc.sql("SELECT status FROM cases WHERE id = :c").param("c", id).query(String.class).single())
			.isEqualTo("cancelled");

		HttpResponse<byte[]> zip = panel.getBytes("/cases/" + id + "/files.zip");
		assertThat(zip.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(h -> assertThat(h).contains(reference + "_sin-matricula.zip"));
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			while (in.getNextEntry() != null) {
				entries++;
			}
		}
		// The two files and the data form.
		assertThat(entries).isEqualTo(3);
	}

	private String say(String text, List<String> dataUrls) {
		int before = customerFacing().size();
		ObjectNode payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, text);
		if (text.isEmpty()) {
			payload.putNull("content");
		}
		ArrayNode attachments = payload.putArray("attachments");
		for (String url : dataUrls) {
			ObjectNode a = attachments.addObject();
			a.put("id", nextId());
			a.put("file_type", "image");
			a.put("data_url", url);
		}
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body()).contains("accepted");
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		return String.join("\n", customerFacing().subList(before, customerFacing().size()).stream()
			.map(StoredMessage::content).toList());
	}

	private List<StoredMessage> customerFacing() {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
	}

	private static byte[] jpeg(int seed) {
		byte[] bytes = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 68);
		for (int i = 4; i < bytes.length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

}
