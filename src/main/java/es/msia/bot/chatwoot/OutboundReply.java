package es.msia.bot.chatwoot;

/**
 * A message to put in the outbox.
 *
 * @param idempotencyKey unique per reply, derived from what caused it (e.g. {@code reply:<message id>:0}),
 * so enqueueing it again is a no-op
 * @param privateNote true for a note only agents see
 */
public record OutboundReply(String idempotencyKey, long conversationId, String content, boolean privateNote) {

	public OutboundReply {
		if (content.isBlank()) {
			throw new IllegalArgumentException("A reply needs content");
		}
	}

	public static OutboundReply text(String idempotencyKey, long conversationId, String content) {
		return new OutboundReply(idempotencyKey, conversationId, content, false);
	}

}
