package es.msia.bot.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Webhook authentication and limits.
 *
 * @param token {@code CHATWOOT_WEBHOOK_TOKEN}, the secret in the webhook URL; a random one is generated
 * (and logged) when it is not set, so the webhook is never open
 * @param secret {@code CHATWOOT_WEBHOOK_SECRET}; when set, the {@code X-Chatwoot-Signature} HMAC is required
 * @param maxAge how old a signed delivery may be (Chatwoot's PR recommends about 5 minutes)
 */
@ConfigurationProperties("msia.webhook")
record WebhookSettings(@DefaultValue("") String token, @DefaultValue("") String secret,
		@DefaultValue("1MB") DataSize maxBody, @DefaultValue("5m") Duration maxAge) {
}
