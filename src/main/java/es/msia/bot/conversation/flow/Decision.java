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

	/**
	 * The same turn, found to be a handoff while its effects were carried out (the case flow could not go
	 * on): the dialogue is owned by a person and the escalation is part of what the turn did.
	 */
	public Decision handedOff(EscalationCause cause) {
		List<Effect> all = new java.util.ArrayList<>(effects);
		all.add(new Effect.Escalate(cause));
		return new Decision(state.handedOff(), replies, all);
	}

}
