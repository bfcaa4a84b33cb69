package es.msia.bot.conversation.graph.nodes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.conversation.CustomerProfiles;
import org.bsc.langgraph4j.action.NodeAction;

/**
 * Ingest: who the customer is (client type decides the tariff) and where the dialogue stands. Without
 * a checkpoint (lost, expired) the dialogue is rebuilt from PostgreSQL: a case being collected resumes
 * the collection, otherwise the last quote recorded, so the customer's progress survives.
 */
public final class LoadContext implements NodeAction<ConversationState> {

	private final CustomerProfiles profiles;

	private final QuoteRecords quotes;

	private final CaseManagement cases;

	public LoadContext(CustomerProfiles profiles, QuoteRecords quotes, CaseManagement cases) {
		this.profiles = profiles;
		this.quotes = quotes;
		this.cases = cases;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		TurnInput turn = state.turn();
		StateUpdate update = StateUpdate.of().context(profiles.policyContext(turn));
		if (state.dialogue().isEmpty()) {
			update.dialogue(collecting(turn.conversationId())
				.or(() -> quotes.restore(turn.conversationId()))
				.orElse(DialogueState.initial()));
		}
		else if (state.dialogue().get().phase() == Phase.HANDED_OFF) {
			// Back from a person: a case still being collected goes on where it stopped.
			collecting(turn.conversationId()).ifPresent(update::dialogue);
		}
		else if (state.dialogue().get().phase() == Phase.COLLECTING_CASE && cases.openCase(turn.conversationId()).isEmpty()) {
			// The case was closed outside the chat (staff, abandonment): the cached phase is stale.
			update.dialogue(new DialogueState(Phase.COLLECTING_ELEMENTS, List.of(), List.of(), List.of(),
					DialogueState.Offer.NONE, 0, List.of()));
		}
		return update.build();
	}

	private Optional<DialogueState> collecting(long conversationId) {
		return cases.openCase(conversationId)
			.filter(c -> c.status() == CaseStatus.COLLECTING)
			.map(c -> new DialogueState(Phase.COLLECTING_CASE, List.copyOf(c.items().keySet()), List.of(), List.of(),
					DialogueState.Offer.NONE, 0, List.of()));
	}

}
