package es.msia.bot.chatwoot;

import java.time.Instant;

/**
 * SPI asked by the outbox just before a customer-facing reply goes to Chatwoot (private notes are not
 * gated). Implemented upstream (handoff), so that a reply written by the bot before a person took the
 * conversation over is dropped instead of talking over them. Without an implementation everything is
 * delivered.
 */
public interface DeliveryGate {

	/**
	 * @param enqueuedAt when the reply was written; replies written after a deliberate change of owner
	 * (e.g. the wait message after a handoff) are the caller's own choice and should pass
	 */
	boolean mayDeliver(long conversationId, Instant enqueuedAt);

}
