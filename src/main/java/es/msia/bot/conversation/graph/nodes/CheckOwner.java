package es.msia.bot.conversation.graph.nodes;

import java.util.Map;

import es.msia.bot.conversation.AgentSwitch;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.handoff.Owner;
import org.bsc.langgraph4j.action.NodeAction;

/**
 * Gate: the bot never speaks while a person owns the conversation or staff paused it; with the panic
 * button on, every conversation goes to a person.
 */
public final class CheckOwner implements NodeAction<ConversationState> {

	private final Handoffs handoffs;

	private final AgentSwitch agentSwitch;

	public CheckOwner(Handoffs handoffs, AgentSwitch agentSwitch) {
		this.handoffs = handoffs;
		this.agentSwitch = agentSwitch;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		if (handoffs.ownerOf(state.turn().conversationId()) != Owner.BOT) {
			return StateUpdate.of().gate(Gate.SILENT).build();
		}
		return StateUpdate.of().gate(agentSwitch.enabled() ? Gate.BOT : Gate.PANIC).build();
	}

}
