package es.msia.bot.webhook;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.webhook.WebhookFilter.BackToPending;
import es.msia.bot.webhook.WebhookFilter.CustomerMessage;
import es.msia.bot.webhook.WebhookFilter.DeliveryRefused;
import es.msia.bot.webhook.WebhookFilter.HumanReply;
import es.msia.bot.webhook.WebhookFilter.Ignored;
import es.msia.bot.webhook.WebhookFilter.StaffCommand;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookFilterTests {

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void actsOnACustomerTextAsCapturedInProtocolsA41() {
		var decision = WebhookFilter.decide(json.readTree(ChatwootPayloads.base()));

		assertThat(decision).isInstanceOf(CustomerMessage.class);
		CustomerMessage message = (CustomerMessage) decision;
		assertThat(message.messageId()).isEqualTo(21500);
		assertThat(message.conversationId()).isEqualTo(2406);
		assertThat(message.content()).isEqualTo("Hola, ¿a qué hora abren?");
		assertThat(message.phone()).isEqualTo("+34612345678");
		assertThat(message.senderName()).isEqualTo("María López");
		assertThat(message.contactId()).isEqualTo(77);
		assertThat(message.conversationStatus()).isEqualTo("pending");
		assertThat(message.accountId()).isEqualTo(1);
		assertThat(message.inboxId()).isEqualTo(9);
		assertThat(message.createdAt()).hasToString("2026-03-02T10:15:04.512Z");
	}

	@Test
	void takesThePhoneFromTheContactInboxWhenTheSenderHasNone() {
		ObjectNode event = ChatwootPayloads.incomingText(1, 2, "+34699999999", "hola");
		((ObjectNode) event.get("sender")).remove("phone_number");
		((ObjectNode) event.get("conversation").get("meta").get("sender")).remove("phone_number");

		assertThat(((CustomerMessage) WebhookFilter.decide(event)).phone()).isEqualTo("34699999999");
	}

	@Test
	void readsAttachmentsOfAPhotoWithoutCaption() {
		ObjectNode event = ChatwootPayloads.incomingText(21501, 2406, "+34612345678", "x");
		event.putNull("content");
		event.set("attachments", json.readTree("""
				[{"id":880,"message_id":21501,"file_type":"image","account_id":1,"extension":null,
				  "data_url":"https://chat.example.com/rails/active_storage/blobs/redirect/abc/image.jpeg",
				  "thumb_url":"","file_size":183044,"width":1280,"height":960}]"""));

		CustomerMessage message = (CustomerMessage) WebhookFilter.decide(event);

		assertThat(message.content()).isNull();
		assertThat(message.attachments()).singleElement().satisfies(a -> {
			assertThat(a.fileType()).isEqualTo("image");
			assertThat(a.dataUrl()).endsWith("/image.jpeg");
			assertThat(a.fileSize()).isEqualTo(183044L);
		});
	}

	@Test
	void ignoresTheEchoOfABotReply() {
		assertThat(WebhookFilter.decide(ChatwootPayloads.outgoingFromBot(21502, 2406))).isInstanceOf(Ignored.class);
	}

	@Test
	void recordsAHumanAgentReplyAsASignThatAPersonIsTalking() {
		var decision = WebhookFilter.decide(ChatwootPayloads.outgoingFromHuman(21503, 2406));

		assertThat(decision).isInstanceOfSatisfying(HumanReply.class, human -> {
			assertThat(human.agentName()).isEqualTo("Ana");
			assertThat(human.conversationId()).isEqualTo(2406);
		});
	}

	@Test
	void ignoresPrivateNotes() {
		assertThat(WebhookFilter.decide(ChatwootPayloads.privateNote(21504, 2406)))
			.isEqualTo(new Ignored("private note"));
	}

	@Test
	void ignoresOtherEvents() {
		assertThat(WebhookFilter.decide(ChatwootPayloads.statusChanged(2406)))
			.isEqualTo(new Ignored("event conversation_status_changed"));
		assertThat(WebhookFilter.decide(json.readTree("{\"event\":\"message_updated\",\"id\":1}")))
			.isInstanceOf(Ignored.class);
	}

	@Test
	void turnsBotOnAndOffNotesFromAgentsIntoStaffCommands() {
		ObjectNode off = ChatwootPayloads.privateNote(21505, 2406);
		off.put("content", "  /Bot OFF\n");
		ObjectNode on = ChatwootPayloads.privateNote(21506, 2406);
		on.put("content", "/bot on");
		ObjectNode fromBot = ChatwootPayloads.privateNote(21507, 2406);
		fromBot.put("content", "/bot on");
		fromBot.set("sender", json.readTree("{\"id\":3,\"name\":\"Asistente\",\"type\":\"agent_bot\"}"));

		assertThat(WebhookFilter.decide(off)).isEqualTo(new StaffCommand(21505, 2406, false, "Ana"));
		assertThat(WebhookFilter.decide(on)).isEqualTo(new StaffCommand(21506, 2406, true, "Ana"));
		assertThat(WebhookFilter.decide(fromBot)).isEqualTo(new Ignored("private note"));
	}

	@Test
	void aConversationBackToPendingIsTheBotsAgain() {
		ObjectNode statusChanged = ChatwootPayloads.statusChanged(2406);
		statusChanged.put("status", "pending");
		ObjectNode updated = ChatwootPayloads.statusChanged(2406);
		updated.put("event", "conversation_updated");
		updated.put("status", "pending");
		ObjectNode movedToPending = updated.deepCopy();
		movedToPending.set("changed_attributes",
				json.readTree("[{\"status\":{\"previous_value\":\"open\",\"current_value\":\"pending\"}}]"));

		assertThat(WebhookFilter.decide(statusChanged)).isEqualTo(new BackToPending(2406));
		assertThat(WebhookFilter.decide(updated)).as("a label change of a pending conversation").isInstanceOf(Ignored.class);
		assertThat(WebhookFilter.decide(movedToPending)).isEqualTo(new BackToPending(2406));
	}

	@Test
	void ignoresTemplatesAndMessagesWithoutIds() {
		ObjectNode template = ChatwootPayloads.incomingText(5, 6, "+34612345678", "CSAT");
		template.put("message_type", "template");
		ObjectNode noConversation = ChatwootPayloads.incomingText(5, 6, "+34612345678", "hola");
		noConversation.remove("conversation");

		assertThat(WebhookFilter.decide(template)).isInstanceOf(Ignored.class);
		assertThat(WebhookFilter.decide(noConversation)).isEqualTo(new Ignored("no message or conversation id"));
	}


	@Test
	void readsTheClientTypeFromTheConversationOrTheContact() {
		ObjectNode event = ChatwootPayloads.incomingText(1, 2, "+34612345678", "hola");
		assertThat(((CustomerMessage) WebhookFilter.decide(event)).clientType()).isNull();

		((ObjectNode) event.get("sender").get("custom_attributes")).put("tipo", "Particular");
		assertThat(((CustomerMessage) WebhookFilter.decide(event)).clientType()).isEqualTo("particular");

		((ObjectNode) event.get("conversation").get("custom_attributes")).put("tipo", "Profesional");
		assertThat(((CustomerMessage) WebhookFilter.decide(event)).clientType()).isEqualTo("profesional");
	}

	@Test
	void reportsAMessageWhatsAppRefusedAfterChatwootStoredIt() {
		ObjectNode event = ChatwootPayloads.outgoingFromBot(21502, 2406);
		event.put("event", "message_updated");
		event.putObject("content_attributes").put("external_error", "Template not found or invalid template name");
		var decision = WebhookFilter.decide(event);
		assertThat(decision).isEqualTo(new DeliveryRefused(21502, 2406, "Template not found or invalid template name"));
	}

	@Test
	void ignoresOtherMessageUpdates() {
		ObjectNode delivered = ChatwootPayloads.outgoingFromBot(21502, 2406);
		delivered.put("event", "message_updated");
		delivered.put("source_id", "wamid.HBgL");
		assertThat(WebhookFilter.decide(delivered)).isInstanceOf(Ignored.class);
		ObjectNode note = ChatwootPayloads.outgoingFromBot(21503, 2406);
		note.put("event", "message_updated");
		note.put("private", true);
		note.putObject("content_attributes").put("external_error", "whatever");
		assertThat(WebhookFilter.decide(note)).isInstanceOf(Ignored.class);
	}

}
