/**
 * The agent: turns each customer message into the reply. Implements messaging's
 * {@link es.msia.bot.messaging.InboundMessageHandler}; replies go through the Chatwoot outbox with
 * idempotency keys derived from the message id. Follows delivered replies into the transcript and the
 * live feed.
 * <p>
 * Listens to {@link es.msia.bot.chatwoot.ReplyDelivered}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation agent",
		allowedDependencies = { "shared", "messaging", "chatwoot", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.conversation;
