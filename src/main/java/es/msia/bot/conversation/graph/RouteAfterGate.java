package es.msia.bot.conversation.graph;

import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import org.bsc.langgraph4j.action.EdgeAction;

/** A silent turn (a person owns the conversation) ends at the gate: nothing is understood or said. */
final class RouteAfterGate implements EdgeAction<ConversationState> {

	static final String CONTINUE = "continue";

	static final String STOP = "stop";

	@Override
	public String apply(ConversationState state) {
		return state.gate() == Gate.SILENT ? STOP : CONTINUE;
	}

}
