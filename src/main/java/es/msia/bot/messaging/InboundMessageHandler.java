package es.msia.bot.messaging;

/**
 * What the agent does with one customer message. Implemented downstream (conversation module), called
 * by the stream consumer with the conversation locked, so calls for the same conversation never overlap.
 * <p>
 * Contract: at-least-once. The same message may be handled again after a crash, so every side effect
 * must be idempotent (replies carry idempotency keys derived from the message id). Return normally
 * only when the reply is safely in the outbox; the entry is then acknowledged. Throw to have the entry
 * retried later (and dead-lettered after repeated failures).
 */
public interface InboundMessageHandler {

	void handle(InboundMessage message);

}
