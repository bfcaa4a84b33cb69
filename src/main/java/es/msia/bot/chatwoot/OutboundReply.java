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
 * but marked {@code blocked} for staff (or, when it carries a template, sent as that template); null for
 * private notes, and for a business-initiated message whose customer never wrote (it goes as the template)
 * @param template the approved template a business-initiated message goes as outside the window; null for
 * replies to a customer's turn, which are blocked there instead
 */
public record OutboundReply(String idempotencyKey, long conversationId, String content, boolean privateNote,
		@Nullable String attachment, @Nullable Instant notAfter, @Nullable WhatsAppTemplate template) {

	public OutboundReply {
		if (content.isBlank()) {
			throw new IllegalArgumentException("A reply needs content");
		}
		if (template != null && (privateNote || attachment != null)) {
			throw new IllegalArgumentException("Only a customer-facing text has a template alternative");
		}
	}

	public OutboundReply(String idempotencyKey, long conversationId, String content, boolean privateNote,
			@Nullable String attachment, @Nullable Instant notAfter) {
		this(idempotencyKey, conversationId, content, privateNote, attachment, notAfter, null);
	}

	/**
	 * A message the business starts (a rejected file, a case's progress, a reminder): {@code content} as text
	 * while WhatsApp's window is open ({@code windowEnds}), the {@code template} after it or when unknown.
	 */
	public static OutboundReply businessInitiated(String idempotencyKey, long conversationId, String content,
			@Nullable Instant windowEnds, WhatsAppTemplate template) {
		return new OutboundReply(idempotencyKey, conversationId, content, false, null, windowEnds, template);
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
