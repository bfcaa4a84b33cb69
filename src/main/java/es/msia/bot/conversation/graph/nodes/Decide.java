package es.msia.bot.conversation.graph.nodes;

import java.util.Map;

import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.CatalogEngines;
import es.msia.bot.conversation.flow.DialoguePolicy;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.StateUpdate;
import org.bsc.langgraph4j.action.NodeAction;

/** Decide: the deterministic policy picks the next state, the reply and the effects. */
public final class Decide implements NodeAction<ConversationState> {

	private final CatalogEngines engines;

	public Decide(CatalogEngines engines) {
		this.engines = engines;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		DialogueState dialogue = state.dialogue().orElse(DialogueState.initial());
		DialoguePolicy policy = engines.current().policy();
		Decision decision = state.gate() == Gate.PANIC ? policy.panic(dialogue, state.context())
				: policy.decide(dialogue, state.commands(), state.context());
		return StateUpdate.of().decision(decision).dialogue(decision.state()).build();
	}

}
