package es.msia.bot.conversation.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.PolicyContext;

/**
 * Typed builder of a node's partial state update.
 */
public final class StateUpdate {

	private final Map<String, Object> values = new LinkedHashMap<>();

	public static StateUpdate of() {
		return new StateUpdate();
	}

	public StateUpdate context(PolicyContext context) {
		values.put(ConversationState.CONTEXT, context);
		return this;
	}

	public StateUpdate dialogue(DialogueState dialogue) {
		values.put(ConversationState.DIALOGUE, dialogue);
		return this;
	}

	public StateUpdate gate(Gate gate) {
		values.put(ConversationState.GATE, gate);
		return this;
	}

	public StateUpdate commands(List<AgentCommand> commands) {
		values.put(ConversationState.COMMANDS, List.copyOf(commands));
		return this;
	}

	public StateUpdate decision(Decision decision) {
		values.put(ConversationState.DECISION, decision);
		return this;
	}

	public StateUpdate reply(List<String> reply) {
		values.put(ConversationState.REPLY, List.copyOf(reply));
		return this;
	}

	public StateUpdate caseReply(String text) {
		values.put(ConversationState.CASE_REPLY, text);
		return this;
	}

	public Map<String, Object> build() {
		return Map.copyOf(values);
	}

}
