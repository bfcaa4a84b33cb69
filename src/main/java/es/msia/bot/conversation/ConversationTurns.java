package es.msia.bot.conversation;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.InboundMessageHandler;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * One customer turn. For now the agent answers every message with a fixed Spanish greeting; the
 * conversation engine replaces the body of {@link #handle}, not its contract.
 */
@Service
class ConversationTurns implements InboundMessageHandler {

	private final ChatwootOutbox outbox;

	private final BotTexts texts;

	ConversationTurns(ChatwootOutbox outbox, BotTexts texts) {
		this.outbox = outbox;
		this.texts = texts;
	}

	@Override
	public void handle(InboundMessage message) {
		String name = message.senderName() == null ? "" : " " + message.senderName().split("\\s+")[0];
		outbox.enqueue(OutboundReply.text(replyKey(message, 0), message.conversationId(),
				texts.get("greeting", name)));
	}

	/** The n-th reply to a message has a stable key, so handling the message again sends nothing new. */
	static String replyKey(InboundMessage message, int n) {
		return "reply:" + message.messageId() + ":" + n;
	}

}
