package es.msia.bot.cases;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.ZipInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Cases collected through the real webhook, stream, graph and outbox, with files served by the fake
 * Chatwoot behind a 302 redirect, checked in PostgreSQL and on disk.
 */
class CasesIT extends CaseChats {

	@Autowired
	CaseManagement cases;

	@Autowired
	org.springframework.data.redis.core.StringRedisTemplate redis;

	@Autowired
	CaseReminders reminders;

	@Test
	void collectsACompleteMotorcycleCaseFromQuoteToPendingReview() throws IOException {
		Customer lucia = new Customer("+34633" + String.format("%06d", nextId() % 1_000_000), "Lucía Martín", "Particular");
		lucia.says("quiero legalizar el escape");
		String opened = lucia.says("vale, adelante");
		assertThat(opened).contains("Abro tu expediente *MSI-").contains("Para *Escape (línea completa)* necesito estas fotos");
		assertThat(lucia.caseRow()).containsEntry("status", "collecting").containsEntry("tier_code", "T6");

		assertThat(lucia.sends("", jpeg(1))).contains("Recibida 1 foto").contains("Falta 1 más");
		assertThat(lucia.sends("", jpeg(2))).contains("Recibido, gracias").contains("Marca y modelo del escape");
		assertThat(lucia.says("Akrapovic Racing Line, linea completa, sí")).contains("Ficha técnica");
		assertThat(lucia.sends("", pdf())).contains("Permiso de circulación");
		assertThat(lucia.sends("", jpeg(3))).contains("Cuatro vistas exteriores");
		assertThat(lucia.sends("", jpeg(4), jpeg(5), jpeg(6), png(7))).contains("Recibidos los 4 archivos").contains("cinta métrica");
		assertThat(lucia.says("no aplica")).contains("datos personales");
		assertThat(lucia.says("Lucía Martín, 12345678A, lucia@example.com")).contains("la letra no corresponde");
		assertThat(lucia.says("12345678Z")).contains("Dirección");
		lucia.says("C/ Larios 5, Málaga, Malaga");
		assertThat(lucia.says("28001, ITV Málaga - Guadalhorce")).contains("no corresponde a la provincia");
		assertThat(lucia.says("29005")).contains("Marca del vehículo");
		assertThat(lucia.says("Yamaha, XSR 700, 1234 ABC")).contains("no llevan vocales");
		assertThat(lucia.says("1234 LMN")).contains("Año de primera matriculación");
		lucia.says("2019, no");
		lucia.says("no");
		assertThat(lucia.says("sí")).contains("Ancho final");
		lucia.says("820 mm");
		assertThat(lucia.says("no")).contains("85 € + IVA");
		String summary = lucia.says("1");
		assertThat(summary).contains("resumen").contains("Akrapovic Racing Line").contains("1234LMN").contains("12345678Z");
		String corrected = lucia.says("perdona, el email es lucia.martin@example.com");
		assertThat(corrected).contains("Corregido").contains("lucia.martin@example.com").contains("¿Está todo correcto?");
		assertThat(lucia.says("sí")).contains("pasa a revisión");

		Map<String, Object> row = lucia.caseRow();
		assertThat(row).containsEntry("status", "pending_review");
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.labels(lucia.conversation).contains("expediente"));
		assertThat(chatwoot.messages(lucia.conversation)).filteredOn(StoredMessage::privateNote)
			.extracting(StoredMessage::content).anyMatch(note -> note.contains((String) row.get("reference")));
		JsonNode data = lucia.data();
		JsonNode escape = data.path("items").get(0).path("fields");
		assertThat(escape.path("marca_modelo").asString()).isEqualTo("Akrapovic Racing Line");
		assertThat(escape.path("tipo").asString()).isEqualTo("Línea completa");
		assertThat(escape.path("homologado_para_modelo").asString()).isEqualTo("true");
		JsonNode personal = data.path("personal");
		assertThat(personal.path("nombre").asString()).isEqualTo("Lucía Martín");
		assertThat(personal.path("dni_nie_cif").asString()).isEqualTo("12345678Z");
		assertThat(personal.path("email").asString()).isEqualTo("lucia.martin@example.com");
		assertThat(personal.path("domicilio_calle").asString()).isEqualTo("C/ Larios 5");
		assertThat(personal.path("domicilio_localidad").asString()).isEqualTo("Málaga");
		assertThat(personal.path("domicilio_provincia").asString()).isEqualTo("Málaga");
		assertThat(personal.path("domicilio_cp").asString()).isEqualTo("29005");
		assertThat(personal.path("itv_nombre").asString()).isEqualTo("ITV Málaga - Guadalhorce");
		JsonNode vehicle = data.path("vehicle");
		assertThat(vehicle.path("marca").asString()).isEqualTo("Yamaha");
		assertThat(vehicle.path("modelo").asString()).isEqualTo("XSR 700");
		assertThat(vehicle.path("matricula").asString()).isEqualTo("1234LMN");
		assertThat(vehicle.path("anio_matriculacion").asString()).isEqualTo("2019");
		assertThat(vehicle.path("cambio_plazas").asString()).isEqualTo("false");
		assertThat(vehicle.path("cambio_ancho").asString()).isEqualTo("true");
		assertThat(vehicle.path("ancho_final_mm").asString()).isEqualTo("820");
		assertThat(data.path("workshopMode").asString()).isEqualTo("msi");

		List<Map<String, Object>> files = jdbc.sql("SELECT slot, media_type, sha256 FROM case_files WHERE case_id = :c ORDER BY id")
			.param("c", row.get("id")).query().listOfRows();
		assertThat(files).extracting(f -> f.get("slot")).containsExactly("item:ESCAPE", "item:ESCAPE", "doc:FICHA_TECNICA",
				"doc:PERMISO_CIRCULACION", "doc:FOTOS_EXTERIORES", "doc:FOTOS_EXTERIORES", "doc:FOTOS_EXTERIORES",
				"doc:FOTOS_EXTERIORES");
		assertThat(files).extracting(f -> f.get("media_type")).contains("application/pdf", "image/png", "image/jpeg");
		for (Map<String, Object> file : files) {
			String sha = (String) file.get("sha256");
			assertThat(Path.of(settings.storageDir(), sha.substring(0, 2), sha)).exists();
		}
		assertThat(jdbc.sql("SELECT string_agg(type, ',' ORDER BY id) FROM case_events WHERE case_id = :c")
			.param("c", row.get("id")).query(String.class).single()).startsWith("opened,file_received").endsWith("submitted");
		lucia.writeTranscript("motos-part", "Moto, cliente particular (motos-part): del presupuesto a pending_review");
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.contact(lucia.contactId).has("email"));
		JsonNode contact = chatwoot.contact(lucia.contactId);
		assertThat(contact.path("name").asString()).isEqualTo("Lucía Martín");
		assertThat(contact.path("email").asString()).isEqualTo("lucia.martin@example.com");
		assertThat(contact.path("custom_attributes").path("dni_nie_cif").asString()).isEqualTo("12345678Z");
		assertThat(contact.path("custom_attributes").path("codigo_postal").asString()).isEqualTo("29005");
		assertThat(contact.path("custom_attributes").path("ultimo_expediente").asString()).isEqualTo(row.get("reference"));
		staffWorkOn((Long) row.get("id"), (String) row.get("reference"), files.size());
	}

	/** The staff API on the case just collected: search, detail, downloads, review, status changes. */
	private void staffWorkOn(long id, String reference, int fileCount) throws IOException {
		String user = "cases-admin-" + nextId();
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, 'admin')")
			.param("u", user).param("h", new BCryptPasswordEncoder().encode("s3cret-pass")).update();
		String base = "http://localhost:" + ports.apiPort() + "/api/admin/cases";
		assertThat(call("GET", base + "/" + id, null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", base + "/" + id + "/files.zip", null, null).statusCode()).isEqualTo(401);
		assertThat(call("GET", base + "/" + id + "/dossier.pdf", null, null).statusCode()).isEqualTo(401);

		JsonNode found = JSON.readTree(new String(call("GET", base + "?status=pending_review&q=1234LMN", null, user).body()));
		assertThat(found).extracting(n -> n.path("reference").asString()).contains(reference);
		JsonNode detail = JSON.readTree(new String(call("GET", base + "/" + id, null, user).body()));
		assertThat(detail.path("vehicle").path("matricula").asString()).isEqualTo("1234LMN");
		assertThat(detail.path("files")).hasSize(fileCount);
		long pdfId = 0;
		for (JsonNode file : detail.path("files")) {
			if (file.path("mediaType").asString().equals("application/pdf")) {
				pdfId = file.path("id").asLong();
			}
		}
		HttpResponse<byte[]> pdf = call("GET", base + "/" + id + "/files/" + pdfId, null, user);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.body()).isEqualTo(pdf());

		HttpResponse<byte[]> form = call("GET", base + "/" + id + "/dossier.pdf", null, user);
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(new String(form.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		HttpResponse<byte[]> zip = call("GET", base + "/" + id + "/files.zip", null, user);
		assertThat(zip.headers().firstValue("Content-Disposition").orElseThrow()).contains(reference + "_1234LMN_Lucia_Martin.zip");
		int entries = 0;
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			while (in.getNextEntry() != null) {
				entries++;
			}
		}
		// Every file and the data form (CaseDossier).
		assertThat(entries).isEqualTo(fileCount + 1);

		assertThat(call("POST", base + "/" + id + "/files/" + pdfId + "/review", "{\"valid\": false}", user).statusCode())
			.isEqualTo(400);
		JsonNode reviewed = JSON.readTree(new String(call("POST", base + "/" + id + "/files/" + pdfId + "/review",
				"{\"valid\": false, \"reason\": \"Borrosa\"}", user).body()));
		assertThat(reviewed.path("files").toString()).contains("rejected").contains("Borrosa");
		assertThat(call("POST", base + "/" + id + "/status", "{\"status\": \"resolved\"}", user).statusCode()).isEqualTo(409);
		JsonNode started = JSON.readTree(new String(call("POST", base + "/" + id + "/status",
				"{\"status\": \"in_progress\", \"note\": \"Asignado a Pedro\"}", user).body()));
		assertThat(started.path("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(started.path("timeline").toString()).contains("Asignado a Pedro").contains(user);
	}

	private HttpResponse<byte[]> call(String method, String url, String body, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
			.header("Content-Type", "application/json");
		if (user != null) {
			request.header("Authorization", "Basic " + Base64.getEncoder()
				.encodeToString((user + ":s3cret-pass").getBytes(StandardCharsets.UTF_8)));
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void aRedisFlushedMidCaseLosesNothing() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		assertThat(customer.sends("", jpeg(61))).contains("Recibida 1 foto");

		// Redis restarted without persistence: stream, consumer group, checkpoints and locks are gone.
		redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) connection -> {
			connection.serverCommands().flushAll();
			return null;
		});

		assertThat(customer.sends("", jpeg(62))).contains("Recibido, gracias").contains("Marca y modelo del escape");
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
		assertThat(jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
			.param("c", customer.conversation)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aDuplicatePhotoWebhookStoresOneFile() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		String url = chatwoot.serveFile(jpeg(40));
		ObjectNode payload = ChatwootPayloads.incomingText(nextId(), customer.conversation, customer.phone, "");
		payload.putNull("content");
		ObjectNode attachment = payload.putArray("attachments").addObject();
		attachment.put("id", nextId());
		attachment.put("file_type", "image");
		attachment.put("data_url", url);
		int before = customer.customerFacing().size();
		customer.postRaw(payload);
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body()).contains("duplicate");
		await().atMost(Duration.ofSeconds(20)).until(() -> customer.customerFacing().size() > before);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		assertThat(jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single()).isEqualTo(1);
		// Chatwoot re-sending the attachment under a new message id: not even downloaded again.
		int downloads = chatwoot.fileDownloads();
		int replies = customer.customerFacing().size();
		payload.put("id", nextId());
		customer.postRaw(payload);
		await().atMost(Duration.ofSeconds(20)).until(() -> customer.customerFacing().size() > replies);
		assertThat(chatwoot.fileDownloads()).isEqualTo(downloads);
		assertThat(jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single()).isEqualTo(1);
		// The same bytes under another attachment id are not stored twice either.
		customer.sends("", jpeg(40));
		assertThat(jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void refusesFilesFromOtherHostsOversizeOrWithAFakeExtension() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		assertThat(customer.send("", List.of("http://files.evil.example/photo.jpg"))).contains("No he podido descargar");
		assertThat(customer.send("", List.of(chatwoot.redirectingTo("http://files.evil.example/photo.jpg"))))
			.contains("No he podido descargar");
		byte[] huge = new byte[16 * 1024 * 1024];
		System.arraycopy(jpeg(1), 0, huge, 0, 4);
		assertThat(customer.sends("", huge)).contains("supera los 15 MB");
		assertThat(customer.sends("", "MZ this is an exe renamed photo.jpg".getBytes())).contains("solo acepto fotos");
		assertThat(jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("SELECT count(*) FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.conversation_id = :c AND e.type = 'file_refused'")
			.param("c", customer.conversation).query(Long.class).single()).isEqualTo(4);
	}

	@Test
	void theCustomerCanCancelAndASecondCaseIsRefusedWhileOneIsOpen() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		assertThat(customer.says("cancelar")).contains("¿Seguro que quieres cancelar tu expediente?");
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
		assertThat(customer.says("sí, cancelar")).contains("he cancelado el expediente");
		assertThat(customer.caseRow()).containsEntry("status", "cancelled");

		Customer twice = new Customer();
		twice.acceptsQuoteFor("escape");
		String reference = (String) twice.caseRow().get("reference");
		var quote = jdbc.sql("SELECT quote::text FROM cases WHERE reference = :r").param("r", reference).query(String.class).single();
		CaseReply second = cases.open(new OpenCase(twice.conversation, null, JSON.readValue(quote, es.msia.bot.catalog.Quote.class)));
		assertThat(second.reference()).isEqualTo(reference);
		assertThat(second.text()).contains("Ya tienes abierto el expediente *" + reference + "*");
		assertThat(jdbc.sql("SELECT count(*) FROM cases WHERE conversation_id = :c").param("c", twice.conversation)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aCaseClosedByStaffHandsTheChatBackToTheQuoteFlow() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		int before = customer.customerFacing().size();
		cases.changeStatus((Long) customer.caseRow().get("id"), CaseStatus.CANCELLED, "Duplicado", "staff");
		// Staff's cancellation is news to the customer: one notice, before they write again.
		assertThat(customer.botSaysOnItsOwn(before, "el equipo cancela el expediente")).contains("cancelado");
		assertThat(customer.says("quiero legalizar el manillar")).contains("Presupuesto").contains("Manillar");
	}

	@Test
	void remindsOnceInsideTheWindowThenAbandonsASilentCase() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		int before = customer.customerFacing().size();
		Instant now = Instant.now();
		reminders.sweep(now.plus(Duration.ofHours(19)));
		reminders.sweep(now.plus(Duration.ofHours(21)));
		await().atMost(Duration.ofSeconds(10)).until(() -> customer.customerFacing().size() > before);
		assertThat(customer.customerFacing().get(before).content()).contains("está a medias").contains("necesito estas fotos");
		reminders.sweep(now.plus(Duration.ofHours(23)));
		assertThat(customer.caseRow()).containsEntry("status", "collecting");
		reminders.sweep(now.plus(Duration.ofDays(15)));
		assertThat(customer.caseRow()).containsEntry("status", "abandoned");
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> customer.customerFacing().size() == before + 1);
	}

}
