/**
 * Chatwoot outbound: the REST client (send text, private notes) and the durable outbox every reply goes
 * through. A reply is enqueued with an idempotency key, so a turn handled twice still sends once; the
 * sender delivers in order per conversation and retries with backoff on 429, 5xx and timeouts. When
 * Chatwoot is not configured, replies are kept (and shown in the panel) instead of failing.
 * <p>
 * A business-initiated message carries its WhatsApp template ({@link es.msia.bot.chatwoot.WhatsAppTemplate}):
 * inside the 24-hour window its text goes, outside it the template; a reply to a customer's turn outside the
 * window is kept as {@code blocked}. A message WhatsApp refuses afterwards ({@code ChatwootOutbox.refused}) is
 * marked failed and announced.
 * <p>
 * Owns the {@code outbound_messages} table. Publishes {@link es.msia.bot.chatwoot.ReplyDelivered} and
 * {@link es.msia.bot.chatwoot.ReplyRefused}. GDPR erasure
 * deletes a conversation's kept replies ({@code ChatwootOutbox.erase}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chatwoot client and outbox",
		allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package es.msia.bot.chatwoot;
