package es.msia.bot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import es.msia.bot.handoff.Handoffs;
import es.msia.bot.handoff.Owner;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scripted conversations through the real webhook, stream, graph and outbox, against the fake Chatwoot:
 * what a customer writes and what they get back.
 */
class ConversationIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Handoffs handoffs;

	@Autowired
	AgentSwitch agentSwitch;

	@Autowired
	es.msia.bot.chatwoot.ChatwootOutbox outbox;

	/** One customer in one conversation. */
	final class Customer {

		final long conversation = nextId();

		final String phone = "+3460" + String.format("%07d", conversation % 10_000_000);

		String tipo;

		List<String> says(String text) {
			int before = customerFacing().size();
			ObjectNode payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, text);
			if (tipo != null) {
				((ObjectNode) payload.get("conversation").get("custom_attributes")).put("tipo", tipo);
			}
			assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body()).contains("accepted");
			await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
			// Let every message of the reply arrive (a reply may be split, examples follow the text).
			await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
			return customerFacing().subList(before, customerFacing().size()).stream().map(StoredMessage::content).toList();
		}

		List<String> saysWithAttachment(String text, String fileType, String transcription) {
			int before = customerFacing().size();
			ObjectNode payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, text);
			payload.putNull("content");
			ObjectNode attachment = payload.putArray("attachments").addObject();
			attachment.put("id", nextId());
			attachment.put("file_type", fileType);
			attachment.put("data_url", "https://chat.example.com/rails/active_storage/blobs/redirect/x/file");
			attachment.put("transcribed_text", transcription == null ? "" : transcription);
			assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body()).contains("accepted");
			await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
			await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
			return customerFacing().subList(before, customerFacing().size()).stream().map(StoredMessage::content).toList();
		}

		void saysAndGetsNoAnswer(String text) {
			int before = customerFacing().size();
			postWebhook("?token=" + WEBHOOK_TOKEN, ChatwootPayloads.incomingText(nextId(), conversation, phone, text).toString());
			await().atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.sql("SELECT count(*) = 0 FROM messages WHERE conversation_id = :c AND direction = 'inbound' AND processed_at IS NULL")
					.param("c", conversation)
					.query(Boolean.class)
					.single());
			await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> customerFacing().size() == before);
		}

		List<StoredMessage> customerFacing() {
			return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
		}

		List<StoredMessage> privateNotes() {
			return chatwoot.messages(conversation).stream().filter(StoredMessage::privateNote).toList();
		}

	}

	@Test
	void quotesAWorkedExampleAsADialogue() {
		Customer maria = new Customer();

		String reply = String.join("\n", maria.says("Hola! quiero homologar un escape y el manillar"));

		assertThat(reply).startsWith("¡Hola, María!")
			.contains("*Precio: 175,00 € + IVA* (211,75 € con IVA)")
			.contains("Escape (línea completa)")
			.contains("Documentación que necesitaremos")
			.contains("¿Abrimos tu expediente?");
		assertThat(jdbc.sql("SELECT tier_code || ' ' || tier_price || ' ' || status FROM conversation_quotes WHERE conversation_id = :c")
			.param("c", maria.conversation)
			.query(String.class)
			.list()).containsExactly("T5 175.00 offered");

		// A new quote supersedes the one offered before; the conversation keeps both.
		maria.says("ah, y también he cambiado los espejos retrovisores");
		assertThat(jdbc.sql("SELECT status FROM conversation_quotes WHERE conversation_id = :c ORDER BY id")
			.param("c", maria.conversation)
			.query(String.class)
			.list()).containsExactly("superseded", "offered");
	}

	@Test
	void quotesAProfessionalFromTheMotorhomeListWithoutAskingWhoTheyAre() {
		Customer workshop = new Customer();
		workshop.tipo = "Profesional";

		String reply = String.join("\n", workshop.says("buenas, hemos instalado aire acondicionado"));

		assertThat(reply).contains("*Precio: 135,00 € + IVA*").doesNotContain("profesional?");
	}

	@Test
	void asksTheVariantQuestionThenQuotesAndRecomputesOnChanges() {
		Customer customer = new Customer();

		assertThat(String.join("\n", customer.says("buenas, he cambiado la suspensión"))).contains("Suspensión")
			.doesNotContain("€");
		assertThat(String.join("\n", customer.says("la trasera"))).contains("280,00 € + IVA");
		assertThat(String.join("\n", customer.says("y también el escape y los espejos"))).contains("Presupuesto actualizado")
			.contains("280,00 € + IVA");
		assertThat(String.join("\n", customer.says("y el manillar"))).contains("325,00 € + IVA");
		assertThat(String.join("\n", customer.says("quita el manillar"))).contains("280,00 € + IVA");
	}

	@Test
	void answersABurstOfMessagesOnce() {
		Customer customer = new Customer();
		for (String text : List.of("hola", "tengo una moto", "le he cambiado el escape y el manillar")) {
			postWebhook("?token=" + WEBHOOK_TOKEN,
					ChatwootPayloads.incomingText(nextId(), customer.conversation, customer.phone, text).toString());
		}

		await().atMost(Duration.ofSeconds(15)).until(() -> !customer.customerFacing().isEmpty());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> customer.customerFacing().size() == 1);
		assertThat(customer.customerFacing().get(0).content()).startsWith("¡Hola, María!").contains("175,00 € + IVA");
	}

	@Test
	void neverSendsFreeTextOutsideWhatsAppsWindowButKeepsItForStaff() {
		Customer customer = new Customer();
		ObjectNode late = ChatwootPayloads.incomingText(nextId(), customer.conversation, customer.phone, "escape");
		((ObjectNode) late.get("conversation")).put("can_reply", false);

		postWebhook("?token=" + WEBHOOK_TOKEN, late.toString());

		await().atMost(Duration.ofSeconds(15))
			.until(() -> outbox.entries(customer.conversation).stream().anyMatch(e -> e.status().equals("blocked")));
		assertThat(outbox.entries(customer.conversation)).allSatisfy(e -> assertThat(e.status()).isEqualTo("blocked"));
		assertThat(customer.customerFacing()).isEmpty();
	}

	@Test
	void readsTranscribedVoiceNotesAndAcknowledgesFilesOutsideAnExpediente() {
		Customer customer = new Customer();

		String photo = String.join("\n", customer.saysWithAttachment("", "image", null));
		assertThat(photo).contains("lo tengo guardado").doesNotContain("€");

		String transcribed = String.join("\n", customer.saysWithAttachment("", "audio", "quiero legalizar el escape"));
		assertThat(transcribed).contains("140,00 € + IVA");

		String untranscribed = String.join("\n", customer.saysWithAttachment("", "audio", null));
		assertThat(untranscribed).contains("notas de voz");
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND attachments::text LIKE '%image%'")
			.param("c", customer.conversation)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void neverPricesAnUnknownElement() {
		Customer customer = new Customer();

		String reply = String.join("\n", customer.says("le he puesto un turbo"));

		assertThat(reply).contains("«turbo»").doesNotContain("€");
	}

	@Test
	void aCarHasNoTariffAndGoesToAPersonWithTheContextNote() {
		Customer customer = new Customer();
		chatwoot.givenConversation(customer.conversation, "pending", List.of("whatsapp"), Map.of("tipo", "Particular"));

		String reply = String.join("\n", customer.says("quiero legalizar el escape de mi coche"));

		assertThat(reply).contains("no tengo una tarifa cerrada").contains("Te paso con un compañero").doesNotContain("€");
		await().atMost(Duration.ofSeconds(10)).until(() -> "open".equals(chatwoot.status(customer.conversation)));
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.labels(customer.conversation).contains("escalado"));
		assertThat(chatwoot.labels(customer.conversation)).contains("whatsapp");
		await().atMost(Duration.ofSeconds(10)).until(() -> !customer.privateNotes().isEmpty());
		assertThat(customer.privateNotes().get(0).content()).contains("no hay tarifa").contains("mi coche");
		assertThat(handoffs.ownerOf(customer.conversation)).isEqualTo(Owner.HUMAN);
	}

	@Test
	void aCustomerTheBotKeepsMisunderstandingIsOfferedAPersonAndHandedOverOnlyOnAYes() {
		Customer customer = new Customer();
		chatwoot.givenConversation(customer.conversation, "pending", List.of("whatsapp"), Map.of("tipo", "Particular"));
		customer.says("le he cambiado la suspensión");

		assertThat(String.join("\n", customer.says("zxcv"))).contains("1. ").contains("por ejemplo");
		String offer = String.join("\n", customer.says("qwerty"));
		assertThat(offer).contains("¿Quieres que te pase con una persona del equipo?").doesNotContain("Te paso con un compañero");
		assertThat(handoffs.ownerOf(customer.conversation)).isEqualTo(Owner.BOT);

		assertThat(String.join("\n", customer.says("sí"))).contains("Te paso con un compañero");
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.labels(customer.conversation).contains("escalado"));
		await().atMost(Duration.ofSeconds(10)).until(() -> !customer.privateNotes().isEmpty());
		assertThat(customer.privateNotes().get(0).content()).contains("el asistente no consigue avanzar").contains("qwerty");
		assertThat(handoffs.ownerOf(customer.conversation)).isEqualTo(Owner.HUMAN);
	}

	@Test
	void aCustomerAskingForAPersonIsHandedOverAndTheBotStaysSilentUntilStaffSayBotOn() {
		Customer customer = new Customer();
		customer.says("escape");

		assertThat(String.join("\n", customer.says("prefiero hablar con una persona"))).contains("Te paso con un compañero");
		customer.saysAndGetsNoAnswer("¿hola?");

		postWebhook("?token=" + WEBHOOK_TOKEN, botCommand(customer.conversation, "/bot on").toString());
		await().atMost(Duration.ofSeconds(5)).until(() -> handoffs.ownerOf(customer.conversation) == Owner.BOT);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> chatwoot.customAttributes(customer.conversation).path("bot_enabled").asBoolean(false));

		assertThat(String.join("\n", customer.says("y el manillar"))).contains("175,00 € + IVA");
	}

	@Test
	void aHumanReplyMakesTheBotStopAtOnce() {
		Customer customer = new Customer();
		customer.says("hola");

		postWebhook("?token=" + WEBHOOK_TOKEN, ChatwootPayloads.outgoingFromHuman(nextId(), customer.conversation).toString());
		await().atMost(Duration.ofSeconds(5)).until(() -> handoffs.ownerOf(customer.conversation) == Owner.HUMAN);

		customer.saysAndGetsNoAnswer("escape y manillar");
	}

	@Test
	void ourOwnEchoesDoNotLookLikeAHuman() {
		Customer customer = new Customer();
		customer.says("hola");
		StoredMessage ours = customer.customerFacing().get(0);

		ObjectNode echo = ChatwootPayloads.outgoingFromHuman(ours.id(), customer.conversation);
		echo.put("content", ours.content());
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, echo.toString()).body()).contains("echo of our own reply");

		assertThat(handoffs.ownerOf(customer.conversation)).isEqualTo(Owner.BOT);
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c AND sender_kind = 'human'")
			.param("c", customer.conversation)
			.query(Integer.class)
			.single()).isZero();
		assertThat(String.join("\n", customer.says("escape"))).contains("140,00 € + IVA");
	}

	@Test
	void acceptingTheQuoteRecordsItAndOpensACase() {
		Customer customer = new Customer();
		customer.says("escape");

		assertThat(String.join("\n", customer.says("vale, adelante"))).contains("Abro tu expediente");

		assertThat(jdbc.sql("SELECT status FROM conversation_quotes WHERE conversation_id = :c")
			.param("c", customer.conversation)
			.query(String.class)
			.single()).isEqualTo("accepted");
		assertThat(jdbc.sql("SELECT status FROM cases WHERE conversation_id = :c")
			.param("c", customer.conversation)
			.query(String.class)
			.single()).isEqualTo("collecting");
	}

	@Test
	void sendsTheExampleImagesAfterTheTextThatAnnouncesThem() {
		Customer customer = new Customer();
		customer.says("quiero legalizar la matrícula");

		List<String> reply = customer.says("¿me mandas fotos de ejemplo?");

		assertThat(reply.get(0)).startsWith("Te envío");
		await().atMost(Duration.ofSeconds(10)).until(() -> !chatwoot.attachments(customer.conversation).isEmpty());
		assertThat(chatwoot.attachments(customer.conversation)).allSatisfy(a -> assertThat(a.fileName()).endsWith(".png"));
	}

	@Test
	void thePanicButtonSendsEveryConversationToAPerson() {
		Customer customer = new Customer();
		agentSwitch.set(false, "test");
		try {
			assertThat(String.join("\n", customer.says("escape"))).contains("Te paso con un compañero").doesNotContain("€");
		}
		finally {
			agentSwitch.set(true, "test");
		}
	}

	private static ObjectNode botCommand(long conversation, String command) {
		ObjectNode note = ChatwootPayloads.privateNote(nextId(), conversation);
		note.put("content", command);
		return note;
	}

}
