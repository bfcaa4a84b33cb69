package es.msia.bot.conversation;

import es.msia.bot.chatwoot.ReplyDelivered;
import es.msia.bot.messaging.LiveFeed;
import es.msia.bot.messaging.LiveFeed.LiveEvent;
import es.msia.bot.messaging.Transcript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Follows each delivered reply into the transcript and onto {@code outgoing_messages}.
 */
@Component
class ReplyFollower {

	private static final Logger log = LoggerFactory.getLogger(ReplyFollower.class);

	private final Transcript transcript;

	private final LiveFeed liveFeed;

	ReplyFollower(Transcript transcript, LiveFeed liveFeed) {
		this.transcript = transcript;
		this.liveFeed = liveFeed;
	}

	@EventListener
	void on(ReplyDelivered event) {
		if (event.privateNote()) {
			return;
		}
		transcript.recordBotReply(event.conversationId(), event.chatwootMessageId(), event.content(), event.at());
		try {
			liveFeed.publishOutgoing(new LiveEvent(event.conversationId(), "outbound", "bot", event.content(),
					event.chatwootMessageId(), event.kept() ? "kept" : "sent", event.at()));
		}
		catch (RuntimeException ex) {
			// Live views are best effort; the transcript above is the record.
			log.warn("Publishing reply {} on the live feed failed: {}", event.outboxId(), ex.getMessage());
		}
	}

}
