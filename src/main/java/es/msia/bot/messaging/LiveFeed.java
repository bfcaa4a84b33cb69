package es.msia.bot.messaging;

import java.time.Instant;
import java.util.function.Consumer;

import es.msia.bot.messaging.redis.LiveSubscriptions;

import org.jspecify.annotations.Nullable;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Live events for whoever follows conversations as they happen (the panel's transcript, tests): each
 * reply on Pub/Sub {@code outgoing_messages}, each inbound message on {@code incoming_events}.
 * Fire-and-forget by nature: the transcript in PostgreSQL is the record.
 */
@Service
public class LiveFeed {

	/**
	 * One event on a live channel.
	 *
	 * @param delivery {@code sent} (Chatwoot accepted it), {@code kept} (no Chatwoot configured: shown only
	 * in the panel) or {@code received} for inbound messages
	 */
	public record LiveEvent(long conversationId, String direction, String senderKind, @Nullable String content,
			@Nullable Long chatwootMessageId, String delivery, Instant at) {
	}

	private final StringRedisTemplate redis;

	private final MessagingSettings settings;

	private final JsonMapper json;

	private final LiveSubscriptions subscriptions;

	LiveFeed(StringRedisTemplate redis, MessagingSettings settings, JsonMapper json, LiveSubscriptions subscriptions) {
		this.redis = redis;
		this.settings = settings;
		this.json = json;
		this.subscriptions = subscriptions;
	}

	/**
	 * Calls {@code listener} with every live event (inbound and outgoing) of one conversation, from any
	 * replica, until the returned handle is closed.
	 */
	public AutoCloseable follow(long conversationId, Consumer<LiveEvent> listener) {
		return subscriptions.follow(text -> {
			LiveEvent event = json.readValue(text, LiveEvent.class);
			if (event.conversationId() == conversationId) {
				listener.accept(event);
			}
		});
	}

	/** Publishes a reply on {@code outgoing_messages}. */
	public void publishOutgoing(LiveEvent event) {
		redis.convertAndSend(settings.outgoingChannel(), json.writeValueAsString(event));
	}

	/** Publishes an inbound message on {@code incoming_events}. */
	public void publishIncoming(LiveEvent event) {
		redis.convertAndSend(settings.incomingChannel(), json.writeValueAsString(event));
	}

}
