package es.msia.bot.admin;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import es.msia.bot.cases.files.FileStore;
import es.msia.bot.messaging.CheckpointStore;
import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * GDPR on a customer who chatted through the real webhook, got a quote, opened a case, sent a photo and asked
 * for a person: the export is a ZIP with the JSON and the photo; the erasure asks for the typed phone, then
 * leaves no personal data in PostgreSQL, Redis or on disk, keeps the case shell, and logs who did it.
 */
class CustomerErasureIT extends PanelTest {

	@Autowired
	CheckpointStore checkpoints;

	@Autowired
	FileStore files;

	@Autowired
	StringRedisTemplate redis;

	@Autowired
	MessagingSettings messaging;

	@Test
	void exportsThenErasesEverythingPersonalAndKeepsTheCaseShell() throws IOException {
		ChattingCustomer customer = new ChattingCustomer(chatwoot, ports.apiPort(), WEBHOOK_TOKEN, IntegrationTest::nextId);
		byte[] photo = customer.openCaseWithPhoto();
		customer.say("quiero hablar con una persona", List.of());
		long conversation = customer.conversation;
		await().atMost(Duration.ofSeconds(10)).until(() -> count("SELECT count(*) FROM escalations WHERE conversation_id = :c", conversation) == 1);
		long customerId = jdbc.sql("SELECT id FROM customers WHERE phone = :p").param("p", customer.phone).query(Long.class).single();
		Map<String, Object> before = jdbc.sql("""
				SELECT id, reference, tier_code, tier_price, catalog_version, opened_at FROM cases WHERE conversation_id = :c""")
			.param("c", conversation).query().singleRow();
		long caseId = (Long) before.get("id");
		String sha = jdbc.sql("SELECT sha256 FROM case_files WHERE case_id = :c").param("c", caseId).query(String.class).single();
		Path stored = files.path(sha);
		assertThat(stored).exists();
		assertThat(checkpoints.list(Long.toString(conversation))).isNotEmpty();
		assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = :c", conversation)).isPositive();
		assertThat(count("SELECT count(*) FROM outbound_messages WHERE conversation_id = :c", conversation)).isPositive();
		assertThat(streamEntries(conversation)).isPositive();

		String admin = user("admin");
		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(admin, PASSWORD);

		HttpResponse<byte[]> zip = panel.getBytes("/customers/" + customerId + "/export.zip");
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(h -> assertThat(h).startsWith("attachment").contains("cliente-" + customerId + ".zip"));
		Map<String, byte[]> entries = unzip(zip.body());
		assertThat(entries.keySet()).hasSize(2).contains("cliente-" + customerId + ".json");
		String json = new String(entries.get("cliente-" + customerId + ".json"), StandardCharsets.UTF_8);
		assertThat(json).contains(customer.phone).contains("quiero legalizar el escape")
			.contains((String) before.get("reference"));
		String photoEntry = entries.keySet().stream().filter(n -> n.startsWith("archivos/" + before.get("reference") + "/"))
			.findFirst().orElseThrow();
		assertThat(photoEntry).endsWith(".jpg");
		assertThat(entries.get(photoEntry)).isEqualTo(photo);
		assertThat(json).contains(photoEntry);

		String confirm = panel.get("/customers/" + customerId + "/erase").body();
		assertThat(confirm).contains("MSI conserva").contains("referencia, fechas, estado").contains(customer.phone)
			.contains("id=\"erase-confirmation\"");
		HttpResponse<String> wrong = panel.post("/customers/" + customerId + "/erase", "confirmation=%2B34600000000");
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("El teléfono no coincide").contains("is-invalid");
		assertThat(count("SELECT count(*) FROM customers WHERE id = :c", customerId)).isEqualTo(1);
		assertThat(stored).exists();

		HttpResponse<String> erased = panel.post("/customers/" + customerId + "/erase",
				"confirmation=" + PanelClient.enc(customer.phone));
		assertThat(erased.statusCode()).isEqualTo(302);
		assertThat(erased.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/customers"));
		assertThat(panel.get("/customers").body()).contains("Datos personales del cliente borrados")
			.contains("Expedientes conservados sin datos personales: " + before.get("reference"));

		assertThat(count("SELECT count(*) FROM customers WHERE id = :c", customerId)).isZero();
		assertThat(count("SELECT count(*) FROM messages WHERE conversation_id = :c", conversation)).isZero();
		assertThat(count("SELECT count(*) FROM outbound_messages WHERE conversation_id = :c", conversation)).isZero();
		assertThat(count("SELECT count(*) FROM case_files WHERE case_id = :c", caseId)).isZero();
		assertThat(stored).doesNotExist();
		assertThat(checkpoints.list(Long.toString(conversation))).isEmpty();
		assertThat(streamEntries(conversation)).isZero();
		assertThat(jdbc.sql("SELECT context_pack FROM escalations WHERE conversation_id = :c").param("c", conversation)
			.query(String.class).list()).containsOnly("");
		assertThat(count("SELECT count(*) FROM case_events WHERE case_id = :c AND detail IS NOT NULL", caseId)).isZero();

		Map<String, Object> shell = jdbc.sql("""
				SELECT reference, status, tier_code, tier_price, catalog_version, opened_at, customer_id, last_reply,
				  data->'personal' AS personal, data->'vehicle' AS vehicle, jsonb_array_length(data->'items') AS items
				FROM cases WHERE id = :c""")
			.param("c", caseId).query().singleRow();
		assertThat(shell.get("reference")).isEqualTo(before.get("reference"));
		assertThat(shell.get("tier_code")).isEqualTo(before.get("tier_code"));
		assertThat(shell.get("tier_price")).isEqualTo(before.get("tier_price"));
		assertThat(shell.get("catalog_version")).isEqualTo(before.get("catalog_version"));
		assertThat(shell.get("opened_at")).isEqualTo(before.get("opened_at"));
		assertThat(shell.get("status")).isEqualTo("cancelled");
		assertThat(shell.get("customer_id")).isNull();
		assertThat(shell.get("last_reply")).isNull();
		assertThat(shell.get("personal").toString()).isEqualTo("{}");
		assertThat(shell.get("vehicle").toString()).isEqualTo("{}");
		assertThat(shell.get("items")).isEqualTo(1);
		assertThat(jdbc.sql("SELECT count(*) FROM cases WHERE data::text LIKE '%' || :p || '%'")
			.param("p", customer.phone.substring(1)).query(Long.class).single()).isZero();

		assertThat(jdbc.sql("SELECT username || ' ' || event || ' ' || detail FROM admin_access_log WHERE event LIKE 'gdpr%' AND detail = :d ORDER BY id")
			.param("d", "customer:" + customerId).query(String.class).list())
			.containsExactly(admin + " gdpr_export customer:" + customerId, admin + " gdpr_erase customer:" + customerId);
		assertThat(panel.get("/system").body()).contains("Borrado RGPD").contains("customer:" + customerId);
		assertThat(panel.get("/customers/" + customerId).statusCode()).isEqualTo(404);
		assertThat(panel.get("/cases/" + caseId).body()).contains((String) before.get("reference"))
			.contains("Datos personales borrados (RGPD)");
	}

	private long count(String sql, long id) {
		return jdbc.sql(sql).param("c", id).query(Long.class).single();
	}

	private long streamEntries(long conversation) {
		return redis.opsForStream().range(messaging.stream(), Range.unbounded()).stream()
			.filter(r -> Long.toString(conversation).equals(String.valueOf(r.getValue().get("conversation"))))
			.count();
	}

	private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			ZipEntry entry;
			while ((entry = in.getNextEntry()) != null) {
				entries.put(entry.getName(), in.readAllBytes());
			}
		}
		return entries;
	}

}
