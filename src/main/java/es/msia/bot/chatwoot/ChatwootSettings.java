package es.msia.bot.chatwoot;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Chatwoot connection ({@code CHATWOOT_*}) and outbox tuning.
 *
 * @param apiUrl base URL of the Chatwoot installation; empty = not configured (replies are kept)
 * @param apiToken the token replies are sent with, usually the agent bot's
 * @param userToken {@code CHATWOOT_USER_API_TOKEN}, a user (agent/admin) token for the endpoints Chatwoot
 * refuses to bots (labels, reading a conversation); empty = use {@code apiToken} for those too
 * @param maxAttempts attempts before a reply is marked failed (with backoff this spans about an hour)
 * @param lease how long a reply being sent is reserved for one sender; after it, another may retry it
 */
@ConfigurationProperties("msia.chatwoot")
public record ChatwootSettings(@DefaultValue("") String apiUrl, @DefaultValue("") String apiToken,
		@DefaultValue("") String userToken,
		@DefaultValue("0") long accountId, @DefaultValue("0") long inboxId,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration readTimeout,
		@DefaultValue("12") int maxAttempts, @DefaultValue("1s") Duration initialBackoff,
		@DefaultValue("10m") Duration maxBackoff, @DefaultValue("2m") Duration lease,
		@DefaultValue("250ms") Duration pollInterval) {

	/** True when replies can be sent to a real Chatwoot. */
	public boolean configured() {
		return !apiUrl.isBlank();
	}

	/** The token for non-bot endpoints: the user token, or the API token when none is set. */
	public String effectiveUserToken() {
		return userToken.isBlank() ? apiToken : userToken;
	}

}
