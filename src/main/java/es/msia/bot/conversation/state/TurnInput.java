package es.msia.bot.conversation.state;

import java.io.Serializable;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One customer turn as the graph receives it.
 *
 * @param messageId Chatwoot's id of the (last) customer message of the turn: the idempotency key of
 * everything the turn causes
 */
public record TurnInput(long messageId, long conversationId, long customerId, String text,
		@Nullable String senderName, List<TurnAttachment> attachments) implements Serializable {

	public TurnInput {
		attachments = List.copyOf(attachments);
	}

	/** A text-only turn. */
	public TurnInput(long messageId, long conversationId, long customerId, String text, @Nullable String senderName) {
		this(messageId, conversationId, customerId, text, senderName, List.of());
	}

	public @Nullable String firstName() {
		return senderName == null || senderName.isBlank() ? null : senderName.trim().split("\\s+")[0];
	}

}
