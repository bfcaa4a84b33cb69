package es.msia.bot.conversation.flow;

import java.util.List;

/**
 * The outcome of one turn: the new state, what to say, and what to do.
 */
public record Decision(DialogueState state, List<ReplyIntent> replies, List<Effect> effects) implements java.io.Serializable {

	public Decision {
		replies = List.copyOf(replies);
		effects = List.copyOf(effects);
	}

}
