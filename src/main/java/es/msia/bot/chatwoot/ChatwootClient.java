package es.msia.bot.chatwoot;

import java.time.Duration;
import java.util.Map;

import es.msia.bot.chatwoot.http.ChatwootHttp;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Chatwoot's Application API as the bot uses it. Each call says whether it worked, may be retried, or
 * failed for good, so callers never parse HTTP errors themselves.
 */
@Service
public class ChatwootClient {

	/** Outcome of one call. */
	public sealed interface Result {

	}

	/** Chatwoot stored the message (sending to WhatsApp happens afterwards, in Chatwoot). */
	public record Sent(@Nullable Long messageId) implements Result {
	}

	/** Worth trying again later: 429, 5xx, timeouts, connection errors. */
	public record Retryable(String reason, @Nullable Duration retryAfter) implements Result {
	}

	/** Will not work by retrying: 4xx other than 429, or a configuration problem. */
	public record Failed(String reason) implements Result {
	}

	private final ChatwootHttp http;

	private final ChatwootSettings settings;

	ChatwootClient(ChatwootHttp http, ChatwootSettings settings) {
		this.http = http;
		this.settings = settings;
	}

	/** True when a Chatwoot installation is configured. */
	public boolean configured() {
		return settings.configured();
	}

	/** POST .../conversations/{id}/messages with an outgoing text or a private note. */
	public Result sendMessage(long conversationId, String content, boolean privateNote) {
		return http.post("/conversations/" + conversationId + "/messages", Map.of("content", content,
				"message_type", "outgoing", "private", privateNote, "content_type", "text"));
	}

}
