package es.msia.bot.conversation.graph.nodes;

import java.util.Map;

import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.conversation.CustomerProfiles;
import org.bsc.langgraph4j.action.NodeAction;

/**
 * Ingest: who the customer is (client type decides the tariff) and where the dialogue stands. Without
 * a checkpoint (lost, expired) the dialogue is rebuilt from the last quote recorded in PostgreSQL, so
 * the customer's progress survives.
 */
public final class LoadContext implements NodeAction<ConversationState> {

	private final CustomerProfiles profiles;

	private final QuoteRecords quotes;

	public LoadContext(CustomerProfiles profiles, QuoteRecords quotes) {
		this.profiles = profiles;
		this.quotes = quotes;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		TurnInput turn = state.turn();
		StateUpdate update = StateUpdate.of().context(profiles.policyContext(turn));
		if (state.dialogue().isEmpty()) {
			update.dialogue(quotes.restore(turn.conversationId()).orElse(DialogueState.initial()));
		}
		return update.build();
	}

}
