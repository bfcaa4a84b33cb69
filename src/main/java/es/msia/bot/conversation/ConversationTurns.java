package es.msia.bot.conversation;

import es.msia.bot.conversation.graph.ConversationGraph;
import es.msia.bot.conversation.state.TurnAttachment;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.InboundMessageHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One customer turn: runs the conversation graph for the message. Called by the stream consumer with
 * the conversation locked; throwing leaves the message to be retried.
 */
@Service
class ConversationTurns implements InboundMessageHandler {

	private static final Logger log = LoggerFactory.getLogger(ConversationTurns.class);

	private final ConversationGraph graph;

	ConversationTurns(ConversationGraph graph) {
		this.graph = graph;
	}

	/** WhatsApp lets a business answer free text for 24 hours after the customer's last message. */
	static java.time.Instant replyWindowEnd(InboundMessage message) {
		return Boolean.FALSE.equals(message.canReply()) ? java.time.Instant.EPOCH
				: message.receivedAt().plus(java.time.Duration.ofHours(24));
	}

	@Override
	public void handle(InboundMessage message) {
		// Start and end of every turn at DEBUG: the scale-out check reads them to prove no conversation
		// ever ran on two agents at once.
		log.debug("Turn start conversation={} message={}", message.conversationId(), message.messageId());
		try {
			graph.run(new TurnInput(message.messageId(), message.conversationId(), message.customerId(), message.text(),
					message.senderName(), replyWindowEnd(message), message.attachments().stream()
						.map(a -> new TurnAttachment(a.id(), a.fileType(), a.dataUrl()))
						.toList()));
		}
		catch (RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Turn of message " + message.messageId() + " failed", ex);
		}
		finally {
			log.debug("Turn end conversation={} message={}", message.conversationId(), message.messageId());
		}
	}

}
