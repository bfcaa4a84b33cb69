package es.msia.bot.cases;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import es.msia.bot.admin.PanelClient;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Messages MSI starts about a case, against the fake Chatwoot's 24-hour window (protocols.md C1): outside
 * it a rejected photo, a milestone and the end of the case go as approved WhatsApp templates with their
 * numbered parameters; inside it, as text; the customer's answer to the template reopens the window and
 * the new photo replaces the rejected one; each purpose tells the customer once.
 */
class CaseNoticesIT extends CaseChats {

	@Autowired
	CaseFileReview review;

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseMilestones milestones;

	@Autowired
	PasswordEncoder encoder;

	@BeforeEach
	void whatsAppTemplatesApproved() {
		chatwoot.approveTemplate("msia_archivo_rechazado", "es");
		chatwoot.approveTemplate("msia_estado_expediente", "es");
		chatwoot.sendWebhooksTo("http://localhost:" + ports.apiPort() + "/api/chatwoot/webhook?token=" + WEBHOOK_TOKEN);
	}

	@Test
	void outsideTheWindowNoticesGoAsTemplatesInsideAsTextAndTheAnswerFilesTheReplacement() {
		Customer lucia = new Customer("+34634" + String.format("%06d", nextId() % 1_000_000), "Lucía Martín", "Particular");
		toPendingReview(lucia);
		long id = (Long) lucia.caseRow().get("id");
		String reference = (String) lucia.caseRow().get("reference");
		long rejected = jdbc.sql("SELECT min(id) FROM case_files WHERE case_id = :c").param("c", id).query(Long.class).single();

		// Two days of silence: the window is closed, so the request for a new photo is the approved template.
		closeWindow(lucia);
		int before = lucia.customerFacing().size();
		review.review(id, rejected, false, "Está desenfocada", "panel:admin");
		StoredMessage asked = next(lucia, before);
		assertThat(asked.status()).isEqualTo("sent");
		JsonNode template = asked.templateParams();
		assertThat(template.path("name").asString()).isEqualTo("msia_archivo_rechazado");
		assertThat(template.path("language").asString()).isEqualTo("es");
		assertThat(template.path("category").asString()).isEqualTo("UTILITY");
		JsonNode body = template.path("processed_params").path("body");
		assertThat(body.size()).isEqualTo(4);
		assertThat(body.path("1").asString()).isEqualTo(expectedName(id));
		assertThat(body.path("2").asString()).isEqualTo(reference);
		assertThat(body.path("3").asString()).isEqualTo("Escape (línea completa)");
		assertThat(body.path("4").asString()).isEqualTo("Está desenfocada");
		assertThat(asked.content()).contains(reference).contains("Escape (línea completa)").contains("Está desenfocada")
			.doesNotContain("{{");
		assertThat(sentAs(lucia)).containsExactly("template");

		// The customer answers the template with a photo: the window opens again and it replaces the rejected one.
		chatwoot.givenLastIncoming(lucia.conversation, Instant.now());
		assertThat(lucia.sends("", jpeg(8))).contains("Recibido el archivo nuevo de *Escape (línea completa)*");
		assertThat(jdbc.sql("SELECT replaces_file_id FROM case_files WHERE case_id = :c ORDER BY id DESC LIMIT 1")
			.param("c", id).query(Long.class).single()).isEqualTo(rejected);

		// Inside the window: staff take the case and the customer reads plain text, once, however it bounces.
		int taken = lucia.customerFacing().size();
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "panel:admin");
		StoredMessage inReview = next(lucia, taken);
		assertThat(inReview.templateParams().isMissingNode()).isTrue();
		assertThat(inReview.content()).contains(reference).contains("en revisión");
		cases.changeStatus(id, CaseStatus.PENDING_REVIEW, "falta mirar una cosa", "panel:admin");
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "panel:admin");

		// The case page offers the milestones while in progress; each button marks once and tells the customer.
		PanelClient panel = staffPanel();
		assertThat(panel.get("/cases/" + id).body()).contains("id=\"case-milestones\"")
			.contains("/cases/" + id + "/milestones/documentation_complete").contains("Listo para la ITV");
		assertThat(panel.post("/cases/" + id + "/milestones/documentation_complete", "").statusCode()).isEqualTo(302);
		String page = panel.get("/cases/" + id).body();
		assertThat(page).contains("Hito marcado").contains("✓ Documentación completa").contains("Hito: documentación completa");
		StoredMessage documentation = next(lucia, taken + 1);
		assertThat(documentation.templateParams().isMissingNode()).isTrue();
		assertThat(documentation.content()).contains("ya tenemos toda la documentación");
		panel.post("/cases/" + id + "/milestones/documentation_complete", "");
		assertThat(panel.get("/cases/" + id).body()).contains("Ese hito ya estaba marcado");

		// Closed again: the ITV milestone and the end of the case go as the status template.
		closeWindow(lucia);
		assertThat(milestones.reach(id, CaseMilestone.READY_FOR_ITV, "panel:admin")).isTrue();
		StoredMessage itv = next(lucia, taken + 2);
		JsonNode itvBody = itv.templateParams().path("processed_params").path("body");
		assertThat(itv.templateParams().path("name").asString()).isEqualTo("msia_estado_expediente");
		assertThat(itvBody.path("1").asString()).isEqualTo(expectedName(id));
		assertThat(itvBody.path("2").asString()).isEqualTo(reference);
		assertThat(itvBody.path("3").asString()).contains("pasar la ITV").contains("ficha técnica");
		assertThat(milestones.reach(id, CaseMilestone.READY_FOR_ITV, "panel:admin")).isFalse();
		cases.changeStatus(id, CaseStatus.RESOLVED, "Homologado", "panel:admin");
		StoredMessage done = next(lucia, taken + 3);
		assertThat(done.templateParams().path("processed_params").path("body").path("3").asString()).contains("terminado");

		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
			.until(() -> lucia.customerFacing().size() == taken + 4);
		assertThat(sentAs(lucia)).containsExactly("template", "text", "text", "template", "template");
		assertThat(jdbc.sql("SELECT string_agg(type || ':' || coalesce(detail, ''), ',' ORDER BY id) FROM case_events"
				+ " WHERE case_id = :c AND type LIKE 'notice%'").param("c", id).query(String.class).single())
			.isEqualTo("notice_sent:file_rejected,notice_sent:case_in_review,notice_sent:documentation_complete,"
					+ "notice_sent:ready_for_itv,"
					+ "notice_sent:case_resolved");
	}

	/** The moto script of {@link CasesIT}, without its checks. */
	private void toPendingReview(Customer customer) {
		customer.says("quiero legalizar el escape");
		customer.says("vale, adelante");
		customer.sends("", jpeg(1));
		customer.sends("", jpeg(2));
		customer.says("Akrapovic Racing Line, linea completa, sí");
		customer.sends("", pdf());
		customer.sends("", jpeg(3));
		customer.sends("", jpeg(4), jpeg(5), jpeg(6), png(7));
		customer.says("no aplica");
		customer.says("Lucía Martín, 12345678Z, lucia@example.com");
		customer.says("C/ Larios 5, Málaga, Malaga");
		customer.says("29005, ITV Málaga - Guadalhorce");
		customer.says("Yamaha, XSR 700, 1234 LMN");
		customer.says("2019, no");
		customer.says("no");
		customer.says("sí");
		customer.says("820 mm");
		customer.says("no");
		customer.says("1");
		assertThat(customer.says("sí")).contains("pasa a revisión");
		assertThat(customer.caseRow()).containsEntry("status", "pending_review");
	}

	private PanelClient staffPanel() {
		String name = "staff-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, 'staff')")
			.param("u", name).param("h", encoder.encode("una-contraseña-larga")).update();
		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(name, "una-contraseña-larga");
		return panel;
	}

	private void closeWindow(Customer customer) {
		Instant twoDaysAgo = Instant.now().minus(Duration.ofDays(2));
		jdbc.sql("UPDATE conversations SET last_customer_message_at = :at WHERE id = :c")
			.param("at", java.sql.Timestamp.from(twoDaysAgo)).param("c", customer.conversation).update();
		chatwoot.givenLastIncoming(customer.conversation, twoDaysAgo);
	}

	private StoredMessage next(Customer customer, int before) {
		await().atMost(Duration.ofSeconds(20)).until(() -> customer.customerFacing().size() > before);
		return customer.customerFacing().get(before);
	}

	private String expectedName(long caseId) {
		CaseView view = cases.view(caseId);
		return (view.personal().getOrDefault("nombre", "") + " " + view.personal().getOrDefault("apellidos", "")).strip();
	}

	private List<String> sentAs(Customer customer) {
		return jdbc.sql("SELECT sent_as FROM outbound_messages WHERE conversation_id = :c AND sent_as IS NOT NULL ORDER BY id")
			.param("c", customer.conversation).query(String.class).list();
	}

}
