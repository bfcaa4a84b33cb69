package es.msia.bot.webhook;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import es.msia.bot.messaging.InboundAttachment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one place that decides which Chatwoot deliveries the bot acts on (protocols.md A5):
 * <ul>
 * <li>{@code message_created} with top-level {@code message_type == "incoming"}, not private: a customer
 * message to answer;</li>
 * <li>{@code message_created}, outgoing, not private, sent by a human agent ({@code sender.type == "user"}):
 * recorded as the sign that a person is talking to the customer;</li>
 * <li>a private note {@code /bot on} or {@code /bot off} (trimmed, any case) from a human agent: a staff
 * command to give the conversation back to the bot or pause it;</li>
 * <li>{@code conversation_status_changed} with {@code status == "pending"}, or {@code conversation_updated}
 * whose {@code changed_attributes} move the status to {@code pending}: the conversation is the bot's again;</li>
 * <li>{@code message_updated}, not private, whose {@code content_attributes.external_error} is set: Chatwoot or
 * WhatsApp refused a message after storing it (protocols.md A4.4, C1), e.g. a template that is not approved;</li>
 * <li>everything else (our own echoes, other bots, other private notes, templates, other events): ignored.</li>
 * </ul>
 * The top-level fields are authoritative; {@code conversation.messages[0]} may be another message.
 */
final class WebhookFilter {

	sealed interface Decision {
	}

	record CustomerMessage(long messageId, long conversationId, @Nullable String content,
			List<InboundAttachment> attachments, @Nullable String phone, @Nullable String senderName,
			@Nullable Long contactId, @Nullable String conversationStatus, long accountId, long inboxId,
			Instant createdAt, @Nullable String clientType, @Nullable Boolean canReply) implements Decision {
	}

	record HumanReply(long messageId, long conversationId, @Nullable String agentName, @Nullable String content,
			Instant createdAt) implements Decision {
	}

	record StaffCommand(long messageId, long conversationId, boolean botOn, @Nullable String agentName)
			implements Decision {
	}

	record BackToPending(long conversationId) implements Decision {
	}

	record DeliveryRefused(long messageId, long conversationId, String error) implements Decision {
	}

	record Ignored(String reason) implements Decision {
	}

	private WebhookFilter() {
	}

	static Decision decide(JsonNode event) {
		String type = text(event, "event");
		if ("conversation_status_changed".equals(type) || "conversation_updated".equals(type)) {
			return statusChange(event, type);
		}
		if ("message_updated".equals(type)) {
			return refusal(event);
		}
		if (!"message_created".equals(type)) {
			return new Ignored("event " + (type == null ? "(none)" : type));
		}
		long messageId = event.path("id").asLong(0);
		long conversationId = event.path("conversation").path("id").asLong(0);
		if (messageId <= 0 || conversationId <= 0) {
			return new Ignored("no message or conversation id");
		}
		if (event.path("private").asBoolean(false)) {
			return privateNote(event, messageId, conversationId);
		}
		String messageType = text(event, "message_type");
		if ("incoming".equals(messageType)) {
			return customerMessage(event, messageId, conversationId);
		}
		if ("outgoing".equals(messageType) && "user".equals(text(event.path("sender"), "type"))) {
			return new HumanReply(messageId, conversationId, text(event.path("sender"), "name"),
					text(event, "content"), createdAt(event));
		}
		return new Ignored("message_type " + messageType + " from "
				+ (text(event.path("sender"), "type") == null ? "unknown" : text(event.path("sender"), "type")));
	}

	private static Decision refusal(JsonNode event) {
		long messageId = event.path("id").asLong(0);
		long conversationId = event.path("conversation").path("id").asLong(0);
		String error = text(event.path("content_attributes"), "external_error");
		if (messageId <= 0 || error == null || event.path("private").asBoolean(false)) {
			return new Ignored("event message_updated");
		}
		return new DeliveryRefused(messageId, conversationId, error);
	}

	private static Decision privateNote(JsonNode event, long messageId, long conversationId) {
		String content = text(event, "content");
		String command = content == null ? "" : content.strip().toLowerCase(Locale.ROOT);
		boolean fromHuman = "user".equals(text(event.path("sender"), "type"));
		if (fromHuman && ("/bot on".equals(command) || "/bot off".equals(command))) {
			return new StaffCommand(messageId, conversationId, "/bot on".equals(command),
					text(event.path("sender"), "name"));
		}
		return new Ignored("private note");
	}

	/**
	 * {@code conversation_status_changed} carries the new {@code status} (its {@code changed_attributes}
	 * may be empty, protocols.md A4.5); {@code conversation_updated} fires for many other changes of a
	 * pending conversation, so there only an actual move to pending counts.
	 */
	private static Decision statusChange(JsonNode event, String type) {
		long conversationId = event.path("id").asLong(0);
		boolean toPending = "conversation_status_changed".equals(type) ? "pending".equals(text(event, "status"))
				: movedToPending(event.path("changed_attributes"));
		if (conversationId <= 0 || !toPending) {
			return new Ignored("event " + type);
		}
		return new BackToPending(conversationId);
	}

	private static boolean movedToPending(JsonNode changes) {
		for (JsonNode change : changes) {
			if ("pending".equals(text(change.path("status"), "current_value"))) {
				return true;
			}
		}
		return false;
	}

	private static CustomerMessage customerMessage(JsonNode event, long messageId, long conversationId) {
		JsonNode sender = event.path("sender");
		JsonNode conversation = event.path("conversation");
		String phone = text(sender, "phone_number");
		if (phone == null) {
			phone = text(conversation.path("meta").path("sender"), "phone_number");
		}
		if (phone == null) {
			phone = text(conversation.path("contact_inbox"), "source_id");
		}
		Long contactId = wholeNumber(sender.path("id"));
		return new CustomerMessage(messageId, conversationId, text(event, "content"), attachments(event), phone,
				text(sender, "name"), contactId, text(conversation, "status"), event.path("account").path("id").asLong(0),
				event.path("inbox").path("id").asLong(conversation.path("inbox_id").asLong(0)), createdAt(event), clientType(event),
				conversation.path("can_reply").isBoolean() ? conversation.path("can_reply").asBoolean() : null);
	}

	/**
	 * MSI marks professionals in Chatwoot with the custom attribute {@code tipo} (Particular/Profesional),
	 * on the conversation or on the contact; the conversation's wins. Null when neither says.
	 */
	static @Nullable String clientType(JsonNode event) {
		for (JsonNode attributes : List.of(event.path("conversation").path("custom_attributes"),
				event.path("sender").path("custom_attributes"))) {
			String tipo = text(attributes, "tipo");
			if (tipo != null) {
				String normalised = java.text.Normalizer.normalize(tipo.trim().toLowerCase(java.util.Locale.ROOT),
						java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
				if (normalised.startsWith("profesional")) {
					return "profesional";
				}
				if (normalised.startsWith("particular")) {
					return "particular";
				}
			}
		}
		return null;
	}

	private static List<InboundAttachment> attachments(JsonNode event) {
		List<InboundAttachment> result = new ArrayList<>();
		for (JsonNode a : event.path("attachments")) {
			result.add(new InboundAttachment(a.path("id").asLong(0),
					a.path("file_type").isString() ? a.path("file_type").asString() : "file", text(a, "data_url"),
					wholeNumber(a.path("file_size")), text(a, "transcribed_text")));
		}
		return result;
	}

	private static Instant createdAt(JsonNode event) {
		JsonNode created = event.path("created_at");
		try {
			if (created.isString()) {
				return Instant.parse(created.asString());
			}
			Long seconds = wholeNumber(created);
			if (seconds != null) {
				return Instant.ofEpochSecond(seconds);
			}
		}
		catch (DateTimeException ex) {
			// A malformed timestamp is not a reason to lose the message; the arrival time will do.
		}
		return Instant.now();
	}

	/** A number that fits a long; 1e999, NaN or 2^64 in a field are a sender's bug, not a reason for a 500. */
	private static @Nullable Long wholeNumber(JsonNode node) {
		return node.isNumber() && node.canConvertToLong() ? node.asLong() : null;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

}
