package es.msia.bot.chatwoot;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message to put in the outbox.
 *
 * @param idempotencyKey unique per reply, derived from what caused it (e.g. {@code reply:<message id>:0}),
 * so enqueueing it again is a no-op
 * @param privateNote true for a note only agents see
 * @param attachment classpath resource of a file to send (then {@code content} is its file name)
 * @param notAfter WhatsApp's 24-hour window for customer-facing messages: after it the reply is not sent
 * but marked {@code blocked} for staff; null for private notes
 */
public record OutboundReply(String idempotencyKey, long conversationId, String content, boolean privateNote,
		@Nullable String attachment, @Nullable Instant notAfter) {

	public OutboundReply {
		if (content.isBlank()) {
			throw new IllegalArgumentException("A reply needs content");
		}
	}

	public static OutboundReply text(String idempotencyKey, long conversationId, String content, Instant notAfter) {
		return new OutboundReply(idempotencyKey, conversationId, content, false, null, notAfter);
	}

	/** A private note (only agents see it; WhatsApp's window does not apply). */
	public static OutboundReply note(String idempotencyKey, long conversationId, String content) {
		return new OutboundReply(idempotencyKey, conversationId, content, true, null, null);
	}

	/** A file shipped with the application (e.g. a catalogue example image), sent as an attachment. */
	public static OutboundReply attachment(String idempotencyKey, long conversationId, String resource,
			Instant notAfter) {
		return new OutboundReply(idempotencyKey, conversationId, resource.substring(resource.lastIndexOf('/') + 1), false,
				resource, notAfter);
	}

}
