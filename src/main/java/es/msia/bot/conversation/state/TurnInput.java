package es.msia.bot.conversation.state;

import java.io.Serializable;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One customer turn as the graph receives it.
 *
 * @param messageId Chatwoot's id of the (last) customer message of the turn: the idempotency key of
 * everything the turn causes
 * @param replyBefore WhatsApp's 24-hour window: free text may be sent until then (already past when
 * Chatwoot says the conversation cannot be replied to)
 */
public record TurnInput(long messageId, long conversationId, long customerId, String text,
		@Nullable String senderName, java.time.Instant replyBefore, List<TurnAttachment> attachments)
		implements Serializable {

	public TurnInput {
		attachments = List.copyOf(attachments);
	}

	public @Nullable String firstName() {
		return senderName == null || senderName.isBlank() ? null : senderName.trim().split("\\s+")[0];
	}

}
