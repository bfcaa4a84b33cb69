package es.msia.bot.cases;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * «¿Cómo va mi expediente?» through the real webhook and the fake Chatwoot, in every status a case can be
 * in: the reply names the status, what is still missing (the collection plan's pending items, or a file
 * staff rejected and why), the note staff marked for the customer, and never a date for the ITV. A
 * customer with several cases is asked which one, and the answer picks it.
 */
class CaseQuestionsIT extends CaseChats {

	private static final String ASK = "¿cómo va mi expediente?";

	@Autowired
	CaseManagement cases;

	@Autowired
	CaseFileReview review;

	@Autowired
	CaseMilestones milestones;

	@Autowired
	es.msia.bot.handoff.Handoffs handoffs;

	@Test
	void collectingTheAnswerListsWhatIsMissingAndAsksThePendingQuestionAgainWithoutFilingIt() {
		Customer customer = new Customer();
		String opened = customer.acceptsQuoteFor("escape");
		assertThat(opened).contains("necesito estas fotos");
		String reference = reference(customer);

		// «¿Cómo va?» gets the status and how much is missing; the list is for «¿qué os falta?».
		String answer = customer.says(ASK);
		assertThat(answer).contains("Tu expediente *" + reference + "*").contains("*recogiendo datos*")
			.containsPattern("me faltan \\d+ cosas").contains("«¿qué os falta?»").doesNotContain("• Fotos de Escape")
			.contains("Todavía no hemos recibido ninguna foto").doesNotContain("¿La ITV?")
			.contains("Seguimos con tu expediente:").contains("necesito estas fotos");
		assertThat(customer.caseRow()).containsEntry("status", "collecting");

		customer.sends("", jpeg(601), jpeg(602));
		// Typed the WhatsApp way, while the case asks for a field: answered, nothing filed, the field asked again.
		String missing = customer.says("q os falta??");
		assertThat(missing).contains("*recogiendo datos*").doesNotContain("• Fotos de Escape")
			.contains("Para enviarlo a revisión todavía me falta:").contains("Ficha técnica").contains("Tus datos:")
			.contains("Datos del vehículo:").contains("Hemos recibido 2 archivos").contains("Seguimos con tu expediente:").contains("Marca y modelo del escape")
			.doesNotContain("no parece válido");
		assertThat(customer.data().path("items").get(0).path("fields").size()).isZero();
		String itv = customer.says("cuando paso la itv");
		assertThat(itv).contains("¿La ITV? Todavía no").contains("no te puedo dar una fecha").doesNotContainPattern("\\d{1,2}/\\d{1,2}")
			.doesNotContain("me falta:");
		assertThat(customer.data().path("items").get(0).path("fields").size()).isZero();

		// The case goes on as if nothing had been asked.
		customer.says("Akrapovic Racing Line, linea completa, sí");
		assertThat(customer.data().path("items").get(0).path("fields").path("marca_modelo").asString())
			.isEqualTo("Akrapovic Racing Line");
		customer.writeTranscript("ask-about-case-collecting", "«¿Cómo va mi expediente?» mientras se recoge el expediente");
	}

	@Test
	void pendingReviewTheAnswerNamesTheRejectedPhotoAndWhy() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		customer.sends("", jpeg(611), jpeg(612));
		long id = caseId(customer);
		cases.changeStatus(id, CaseStatus.PENDING_REVIEW, null, "panel:ana");
		delivered(customer);

		String clean = customer.says(ASK);
		assertThat(clean).contains("*pendiente de revisión*").contains("Ya tenemos todo lo que te pedimos")
			.contains("Hemos recibido 2 archivos").doesNotContain("Seguimos con tu expediente");
		assertThat(customer.says("¿qué os falta?")).contains("Por tu parte no falta nada");

		long first = jdbc.sql("SELECT min(id) FROM case_files WHERE case_id = :c").param("c", id).query(Long.class).single();
		int before = customer.customerFacing().size();
		review.review(id, first, false, "Está desenfocada", "panel:ana");
		customer.botSaysOnItsOwn(before, "el equipo rechaza una foto");
		String rejected = customer.says("¿habéis recibido las fotos?");
		assertThat(rejected).contains("*pendiente de revisión*").contains("Nos falta otra foto de *")
			.contains("Está desenfocada").contains("Hemos recibido 1 archivo").doesNotContain("Por tu parte no falta nada");
		assertThat(customer.caseRow()).containsEntry("status", "pending_review");
	}

	@Test
	void inProgressTheAnswerQuotesTheLatestNoteForTheCustomerAndNoInternalNote() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		long id = caseId(customer);
		cases.changeStatus(id, CaseStatus.PENDING_REVIEW, null, "panel:ana");
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "panel:ana");
		cases.addNote(id, "Esperamos el certificado del fabricante", true, "panel:ana");
		cases.addNote(id, "Ojo: cliente pesado, no decir nada", false, "panel:ana");
		cases.addNote(id, "Ya tenemos el certificado; preparamos el proyecto", true, "panel:ana");
		delivered(customer);

		String answer = customer.says(ASK);
		assertThat(answer).contains("*en trámite*").contains("Nota del equipo para ti: «Ya tenemos el certificado; preparamos el proyecto»")
			.doesNotContain("Esperamos el certificado").doesNotContain("cliente pesado");
		assertThat(customer.says("¿cuándo paso la ITV?")).contains("¿La ITV? Todavía no: estamos preparando la documentación");
		assertThat(customer.says("en q estado esta lo mio")).contains("*en trámite*");

		// Staff's milestones tell the customer where in the work the case is, and when the ITV can be booked.
		milestones.reach(id, CaseMilestone.PROJECT_SENT, "panel:ana");
		delivered(customer);
		assertThat(customer.says(ASK)).contains("*en trámite*").contains("El proyecto técnico ya está enviado");
		milestones.reach(id, CaseMilestone.READY_FOR_ITV, "panel:ana");
		delivered(customer);
		assertThat(customer.says("¿cuándo paso la ITV?")).contains("Ya puedes pedir cita");
	}

	@Test
	void resolvedCancelledAndAbandonedAreNamedWithWhatComesNext() {
		Customer resolved = new Customer();
		resolved.acceptsQuoteFor("escape");
		long id = caseId(resolved);
		cases.changeStatus(id, CaseStatus.PENDING_REVIEW, null, "panel:ana");
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "panel:ana");
		cases.changeStatus(id, CaseStatus.RESOLVED, "Proyecto entregado", "panel:ana");
		cases.addNote(id, "Te hemos enviado el proyecto por correo", true, "panel:ana");
		delivered(resolved);
		assertThat(resolved.says(ASK)).contains("*resuelto*").contains("El trámite está terminado")
			.contains("«Te hemos enviado el proyecto por correo»").doesNotContain("me falta");
		assertThat(resolved.says("¿Cuándo paso la ITV?")).contains("*resuelto*").contains("Para la ITV");

		Customer cancelled = new Customer();
		cancelled.acceptsQuoteFor("escape");
		cases.changeStatus(caseId(cancelled), CaseStatus.CANCELLED, "El cliente lo pidió por teléfono", "panel:ana");
		delivered(cancelled);
		assertThat(cancelled.says(ASK)).contains("*cancelado*").contains("no hay ITV pendiente")
			.doesNotContain("El cliente lo pidió por teléfono").doesNotContain("me falta");

		Customer abandoned = new Customer();
		abandoned.acceptsQuoteFor("escape");
		cases.changeStatus(caseId(abandoned), CaseStatus.ABANDONED, null, "system");
		delivered(abandoned);
		assertThat(abandoned.says(ASK)).contains("*sin terminar (abandonado)*").contains("no tuvimos respuesta")
			.contains("el equipo lo reabre");
	}

	@Test
	void aCustomerWithSeveralCasesIsAskedWhichAndTheReplyPicksIt() {
		Customer first = new Customer();
		first.acceptsQuoteFor("escape");
		String escape = reference(first);
		long escapeId = caseId(first);
		cases.changeStatus(escapeId, CaseStatus.PENDING_REVIEW, null, "panel:ana");
		cases.changeStatus(escapeId, CaseStatus.IN_PROGRESS, null, "panel:ana");
		cases.changeStatus(escapeId, CaseStatus.RESOLVED, null, "panel:ana");
		delivered(first);

		Customer again = first.sameCustomerAgain();
		again.acceptsQuoteFor("manillar");
		String handlebar = reference(again);
		cases.changeStatus(caseId(again), CaseStatus.PENDING_REVIEW, null, "panel:ana");
		delivered(again);

		String which = again.says(ASK);
		assertThat(which).contains("Tienes 2 expedientes").contains("¿Por cuál me preguntas?")
			.contains("1. *" + handlebar + "*").contains("2. *" + escape + "*").contains("Manillar").contains("Escape")
			.doesNotContain("*resuelto*.");
		assertThat(again.says("2")).contains("Tu expediente *" + escape + "*").contains("*resuelto*");

		again.says("¿qué tal va el trámite?");
		assertThat(again.says("el del manillar")).contains("Tu expediente *" + handlebar + "*")
			.contains("*pendiente de revisión*");

		again.says(ASK);
		assertThat(again.says(escape)).contains("Tu expediente *" + escape + "*");

		// A reply that names neither is read as usual, and the question is not pending any more.
		again.says(ASK);
		// (Here the open case under review takes it, as it takes any message: «ya está en revisión».)
		String other = again.says("quiero legalizar también las luces");
		assertThat(other).contains("ya está en revisión").doesNotContain("*pendiente de revisión*")
			.doesNotContain("¿Por cuál me preguntas?");
		assertThat(again.says("1")).contains("ya está en revisión").doesNotContain("*pendiente de revisión*");
		again.writeTranscript("ask-about-case-several", "«¿Cómo va mi expediente?» con dos expedientes");
	}

	@Test
	void neverSpeaksWhileAPersonOwnsTheConversation() {
		Customer customer = new Customer();
		customer.acceptsQuoteFor("escape");
		customer.says("prefiero hablar con una persona");
		await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT count(*) FROM escalations WHERE conversation_id = :c")
			.param("c", customer.conversation).query(Long.class).single() == 1);
		int before = customer.customerFacing().size();
		customer.postRaw(customer.payload(ASK, java.util.List.of()));
		await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
			.until(() -> customer.customerFacing().size() == before);
	}

	@Test
	void aCustomerWithoutCasesIsToldSoAndInvitedToAskForAQuote() {
		Customer customer = new Customer();
		assertThat(customer.says(ASK)).contains("No encuentro ningún expediente tuyo");
	}

	/**
	 * Staff's status changes may tell the customer on their own (the notices of the notifications module):
	 * they are in the outbox when the change commits, and are let out before the customer writes again.
	 */
	private void delivered(Customer customer) {
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
				"SELECT count(*) FROM outbound_messages WHERE conversation_id = :c AND status IN ('pending', 'sending')")
			.param("c", customer.conversation).query(Long.class).single() == 0);
	}

	private static String reference(Customer customer) {
		return (String) customer.caseRow().get("reference");
	}

	private static long caseId(Customer customer) {
		return (Long) customer.caseRow().get("id");
	}

}
