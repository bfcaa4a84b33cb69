/**
 * Inbound edge: {@code POST /api/chatwoot/webhook}. Authenticates the delivery (URL token, and the
 * HMAC signature when a secret is configured), keeps only what the bot must act on
 * ({@link es.msia.bot.webhook.WebhookFilter}), upserts the customer and hands the message to messaging.
 * It never decides anything about the conversation itself; it reports what staff did in Chatwoot (a
 * human message, {@code /bot on|off} notes, the status going back to pending) to handoff, and a message
 * Chatwoot or WhatsApp refused ({@code message_updated} with {@code external_error}) to the chatwoot outbox.
 * <p>
 * Publishes no application events; its output is the {@code incoming_messages} stream entry.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chatwoot webhook",
		allowedDependencies = { "shared", "messaging", "customers", "handoff", "chatwoot" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.webhook;
