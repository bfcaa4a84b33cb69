package es.msia.bot.conversation.state;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * One customer turn as the graph receives it.
 *
 * @param messageId Chatwoot's id of the (last) customer message of the turn: the idempotency key of
 * everything the turn causes
 */
public record TurnInput(long messageId, long conversationId, long customerId, String text,
		@Nullable String senderName) implements Serializable {

	public @Nullable String firstName() {
		return senderName == null || senderName.isBlank() ? null : senderName.trim().split("\\s+")[0];
	}

}
