/**
 * Inbound edge: {@code POST /api/chatwoot/webhook}. Authenticates the delivery (URL token, and the
 * HMAC signature when a secret is configured), keeps only what the bot must act on
 * ({@link es.msia.bot.webhook.WebhookFilter}), upserts the customer and hands the message to messaging.
 * It never decides anything about the conversation.
 * <p>
 * Publishes no application events; its output is the {@code incoming_messages} stream entry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chatwoot webhook",
		allowedDependencies = { "shared", "messaging", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.webhook;
