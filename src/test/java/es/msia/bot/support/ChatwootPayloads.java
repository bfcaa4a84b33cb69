package es.msia.bot.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhook bodies shaped as protocols.md A4, built from the A4.1 capture with the fields each case
 * changes (ids, type, sender, privacy).
 */
public final class ChatwootPayloads {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ChatwootPayloads() {
	}

	/** A4.1: a customer's WhatsApp text in a pending (bot-handled) conversation. */
	public static ObjectNode incomingText(long messageId, long conversationId, String phone, String content) {
		ObjectNode node = (ObjectNode) JSON.readTree(base());
		node.put("id", messageId);
		node.put("content", content);
		// Sent now: WhatsApp's 24-hour reply window is measured from it.
		node.put("created_at", java.time.Instant.now().toString());
		((ObjectNode) node.get("sender")).put("phone_number", phone);
		ObjectNode conversation = (ObjectNode) node.get("conversation");
		conversation.put("id", conversationId);
		((ObjectNode) conversation.get("meta").get("sender")).put("phone_number", phone);
		((ObjectNode) conversation.get("contact_inbox")).put("source_id", phone.replace("+", ""));
		return node;
	}

	/** A4.3: the echo of a bot reply. */
	public static ObjectNode outgoingFromBot(long messageId, long conversationId) {
		ObjectNode node = incomingText(messageId, conversationId, "+34600000000", "Abrimos a las 9:00.");
		node.put("message_type", "outgoing");
		node.set("sender", JSON.readTree("{\"id\":3,\"name\":\"Asistente\",\"type\":\"agent_bot\"}"));
		node.putNull("source_id");
		return node;
	}

	/** A4.3 with a human agent as sender. */
	public static ObjectNode outgoingFromHuman(long messageId, long conversationId) {
		ObjectNode node = outgoingFromBot(messageId, conversationId);
		node.put("content", "Hola, soy Ana de MSI. Te llamo en un momento.");
		node.set("sender", JSON.readTree("{\"id\":5,\"name\":\"Ana\",\"email\":\"ana@acme.test\",\"type\":\"user\"}"));
		return node;
	}

	/** A private note written by an agent. */
	public static ObjectNode privateNote(long messageId, long conversationId) {
		ObjectNode node = outgoingFromHuman(messageId, conversationId);
		node.put("private", true);
		node.put("content", "Nota interna: revisar ficha técnica");
		return node;
	}

	/** A4.5: a conversation status change. */
	public static ObjectNode statusChanged(long conversationId) {
		return (ObjectNode) JSON.readTree("""
				{"event":"conversation_status_changed",
				 "changed_attributes":[{"status":{"previous_value":"pending","current_value":"open"}}],
				 "id":%d,"inbox_id":9,"status":"open","channel":"Channel::Whatsapp","messages":[],"labels":[],
				 "custom_attributes":{}}""".formatted(conversationId));
	}

	public static String base() {
		try (InputStream in = ChatwootPayloads.class.getResourceAsStream("/chatwoot/a4-1-incoming-text.json")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
