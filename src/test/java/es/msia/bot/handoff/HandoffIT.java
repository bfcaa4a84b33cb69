package es.msia.bot.handoff;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import es.msia.bot.chatwoot.ChatwootClient;
import es.msia.bot.chatwoot.ChatwootClient.Sent;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Handoff through the whole application and the fake Chatwoot: escalation, takeover by a person, our own
 * echoes, staff commands, the status going back to pending, and the idle return.
 */
@RecordApplicationEvents
class HandoffIT extends IntegrationTest {

	@Autowired
	Handoffs handoffs;

	@Autowired
	IdleReturn idleReturn;

	@Autowired
	ChatwootOutbox outbox;

	@Autowired
	ChatwootClient client;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void escalatesInChatwootKeepingExistingLabelsAndAttributes() {
		long conversationId = nextId();
		chatwoot.givenConversation(conversationId, "pending", List.of("vip", "moto"),
				Map.of("matricula", "1234ABC", "bot_enabled", true));

		HandoffStarted started = handoffs.request(new HandoffRequest(conversationId, HandoffReason.CUSTOMER_REQUEST,
				"Cliente: María López (particular)\nVehículo: moto\nElementos: escape homologado"));

		assertThat(chatwoot.status(conversationId)).isEqualTo("open");
		assertThat(chatwoot.customAttributes(conversationId).path("matricula").asString()).isEqualTo("1234ABC");
		assertThat(chatwoot.customAttributes(conversationId).path("bot_enabled").isBoolean()).isTrue();
		assertThat(chatwoot.customAttributes(conversationId).path("bot_enabled").asBoolean()).isFalse();
		assertThat(chatwoot.labels(conversationId)).containsExactly("vip", "moto", "escalado");
		await().atMost(Duration.ofSeconds(10)).until(() -> !chatwoot.messages(conversationId).isEmpty());
		StoredMessage note = chatwoot.messages(conversationId).get(0);
		assertThat(note.privateNote()).isTrue();
		assertThat(note.content()).contains("el cliente pide hablar con una persona")
			.contains("Vehículo: moto")
			.contains("Elementos: escape homologado")
			.contains("/bot on");
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.HUMAN);
		assertThat(jdbc.sql("SELECT status || ':' || chatwoot_state || ':' || reason FROM escalations WHERE id = :id")
			.param("id", started.escalationId())
			.query(String.class)
			.single()).isEqualTo("open:done:CUSTOMER_REQUEST");
		assertThat(handoffs.pending()).anySatisfy(e -> {
			assertThat(e.id()).isEqualTo(started.escalationId());
			assertThat(e.contextPack()).contains("Vehículo: moto");
		});
		assertThat(events.stream(HandoffStarted.class).filter(e -> e.conversationId() == conversationId))
			.containsExactly(started);
	}

	@Test
	void aSecondRequestReturnsTheOpenEscalationWithoutCallingChatwootAgain() {
		long conversationId = nextId();
		HandoffStarted first = handoffs
			.request(new HandoffRequest(conversationId, HandoffReason.STUCK, "Cliente: Pedro (profesional)"));
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);
		int calls = chatwoot.requestsFor(conversationId);

		HandoffStarted second = handoffs
			.request(new HandoffRequest(conversationId, HandoffReason.OUT_OF_SCOPE, "otro contexto"));

		assertThat(second).isEqualTo(first);
		await().during(Duration.ofMillis(500)).until(() -> chatwoot.requestsFor(conversationId) == calls);
		assertThat(chatwoot.messages(conversationId)).hasSize(1);
		assertThat(events.stream(HandoffStarted.class).filter(e -> e.conversationId() == conversationId)).hasSize(1);
		assertThat(jdbc.sql("SELECT count(*) FROM escalations WHERE conversation_id = :c")
			.param("c", conversationId)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void aHumanMessageInChatwootTakesTheConversationOver() {
		long conversationId = nextId();
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);

		assertThat(webhook(ChatwootPayloads.outgoingFromHuman(nextId(), conversationId))).contains("recorded");

		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.HUMAN);
	}

	@Test
	void theEchoOfOurOwnReplyIsNotAHuman() {
		long conversationId = nextId();
		outbox.enqueue(OutboundReply.text("test-echo:" + conversationId, conversationId, "Abrimos a las 9:00.",
				Instant.now().plusSeconds(3600)));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> outbox.entries(conversationId).get(0).status().equals("sent"));
		long ourId = chatwoot.messages(conversationId).get(0).id();
		// With a single user token (no agent bot), Chatwoot echoes our reply with a "user" sender.
		ObjectNode echo = ChatwootPayloads.outgoingFromHuman(ourId, conversationId);
		echo.put("content", "Abrimos a las 9:00.");

		webhook(echo);

		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);
	}

	@Test
	void anEchoThatOvertakesTheStoredIdIsStillOurs() {
		long conversationId = nextId();
		// A reply in flight: sent to Chatwoot, its id not stored yet.
		jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, status, attempts, lease_until)
				VALUES (:key, :c, 'Te envío el presupuesto.', 'sending', 1, now() + interval '1 hour')""")
			.param("key", "test-inflight:" + conversationId)
			.param("c", conversationId)
			.update();
		ObjectNode echo = ChatwootPayloads.outgoingFromHuman(nextId(), conversationId);
		echo.put("content", "Te envío el presupuesto.");

		webhook(echo);

		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);
		webhook(ChatwootPayloads.outgoingFromHuman(nextId(), conversationId));
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.HUMAN);
	}

	@Test
	void aReplyWrittenBeforeAPersonTookOverIsDroppedButTheWaitMessageGoesOut() {
		long conversationId = nextId();
		// The bot wrote this a minute ago; it becomes due just after the takeover.
		jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, created_at, next_attempt_at)
				VALUES (:key, :c, 'Respuesta tardía del bot', now() - interval '1 minute', now() + interval '1 second')""")
			.param("key", "test-late:" + conversationId)
			.param("c", conversationId)
			.update();
		handoffs.humanSpoke(conversationId, nextId(), "Hola, soy Ana", Instant.now());

		await().atMost(Duration.ofSeconds(10))
			.until(() -> outbox.entries(conversationId).get(0).status().equals("dropped"));
		outbox.enqueue(OutboundReply.text("test-wait:" + conversationId, conversationId,
				handoffs.waitMessage(Instant.now()), Instant.now().plusSeconds(3600)));

		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.messages(conversationId).size() == 1);
		assertThat(chatwoot.messages(conversationId).get(0).content()).startsWith("Te paso con un compañero");
	}

	@Test
	void staffCommandsInPrivateNotesPauseAndResumeTheBot() {
		long conversationId = nextId();
		handoffs.request(new HandoffRequest(conversationId, HandoffReason.NO_TARIFF, "Cliente: Luis"));

		webhook(note(conversationId, "  /BOT OFF "));
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.PAUSED);

		assertThat(webhook(note(conversationId, "Nota interna: revisar ficha técnica"))).contains("ignored");
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.PAUSED);

		webhook(note(conversationId, "/bot on"));
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);
		assertThat(handoffs.pending()).noneMatch(e -> e.conversationId() == conversationId);
		assertThat(jdbc.sql("SELECT resolved_by FROM escalations WHERE conversation_id = :c")
			.param("c", conversationId)
			.query(String.class)
			.single()).isEqualTo("chatwoot:Ana");
	}

	@Test
	void theConversationGoingBackToPendingReturnsItToTheBot() {
		long conversationId = nextId();
		webhook(ChatwootPayloads.outgoingFromHuman(nextId(), conversationId));
		assertThat(webhook(ChatwootPayloads.statusChanged(conversationId))).as("open is not pending").contains("ignored");
		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.HUMAN);

		ObjectNode pending = ChatwootPayloads.statusChanged(conversationId);
		pending.put("status", "pending");
		webhook(pending);

		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);
	}

	@Test
	void returningToTheBotPublishesHandoffEndedOnce() {
		long conversationId = nextId();
		HandoffStarted started = handoffs
			.request(new HandoffRequest(conversationId, HandoffReason.PANIC_BUTTON, "Cliente: Sara"));

		handoffs.resolve(started.escalationId(), "admin", true);
		handoffs.returnToBot(conversationId, "admin");

		assertThat(handoffs.ownerOf(conversationId)).isEqualTo(Owner.BOT);
		assertThat(events.stream(HandoffEnded.class).filter(e -> e.conversationId() == conversationId))
			.singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("admin"));
		assertThat(jdbc.sql("SELECT resolved_by FROM escalations WHERE id = :id")
			.param("id", started.escalationId())
			.query(String.class)
			.single()).isEqualTo("admin");
	}

	@Test
	void idleHumanConversationsGoBackToTheBotButPausedOnesStay() {
		long idle = nextId();
		long active = nextId();
		long paused = nextId();
		Instant now = Instant.now();
		handoffs.humanSpoke(idle, nextId(), "Te llamo mañana", now.minus(Duration.ofHours(13)));
		handoffs.humanSpoke(active, nextId(), "Ahora lo miro", now.minus(Duration.ofHours(1)));
		handoffs.pause(paused, "admin");

		idleReturn.returnIdle(now.plus(Duration.ofMinutes(1)));

		assertThat(handoffs.ownerOf(idle)).isEqualTo(Owner.BOT);
		assertThat(handoffs.ownerOf(active)).isEqualTo(Owner.HUMAN);
		assertThat(handoffs.ownerOf(paused)).isEqualTo(Owner.PAUSED);
		assertThat(events.stream(HandoffEnded.class).filter(e -> e.conversationId() == idle))
			.singleElement()
			.satisfies(e -> assertThat(e.actor()).isEqualTo("idle"));
	}

	@Test
	void sendsExampleImagesAsMultipartAttachments() {
		long conversationId = nextId();
		byte[] image = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x0D, 0x0A, 0x7F };

		var result = client.sendAttachment(conversationId, "Ejemplo de escape homologado", "escape.jpg", "image/jpeg",
				image);

		assertThat(result).isInstanceOf(Sent.class);
		assertThat(chatwoot.attachments(conversationId)).singleElement().satisfies(a -> {
			assertThat(a.fieldName()).isEqualTo("attachments[]");
			assertThat(a.fileName()).isEqualTo("escape.jpg");
			assertThat(a.contentType()).isEqualTo("image/jpeg");
			assertThat(a.data()).isEqualTo(image);
			assertThat(a.messageId()).isEqualTo(((Sent) result).messageId());
		});
		StoredMessage message = chatwoot.messages(conversationId).get(0);
		assertThat(message.content()).isEqualTo("Ejemplo de escape homologado");
		assertThat(message.body().path("message_type").asString()).isEqualTo("outgoing");
	}

	@Test
	void theFakeRefusesLabelsToTheBotTokenAsChatwootDoes() throws Exception {
		long conversationId = nextId();
		HttpResponse<String> response = http.send(HttpRequest
			.newBuilder(URI.create(chatwoot.url() + "/api/v1/accounts/1/conversations/" + conversationId + "/labels"))
			.header("api_access_token", FakeChatwoot.TOKEN)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).isEqualTo("{\"error\":\"Access to this endpoint is not authorized for bots\"}");
	}

	@Test
	void theWaitMessageIsSpanishAndHonest() {
		assertThat(handoffs.waitMessage(Instant.parse("2026-03-07T11:00:00Z"))).contains("el lunes a partir de las 9:00");
	}

	private String webhook(ObjectNode payload) {
		HttpResponse<String> response = postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static ObjectNode note(long conversationId, String content) {
		ObjectNode note = ChatwootPayloads.privateNote(nextId(), conversationId);
		note.put("content", content);
		return note;
	}

}
