package es.msia.bot.conversation.graph.nodes;

import java.util.Map;

import es.msia.bot.conversation.ContextPack;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.handoff.HandoffReason;
import es.msia.bot.handoff.HandoffRequest;
import es.msia.bot.handoff.Handoffs;
import org.bsc.langgraph4j.action.NodeAction;

/**
 * Act: carries out the decision's side effects. Each is idempotent for the turn (quotes keyed by the
 * customer message, one open escalation per conversation, attachments keyed by the message), so a turn
 * resumed after a crash repeats nothing. Example images are sent by {@link SendReply}, after the text
 * that announces them.
 */
public final class ApplyEffects implements NodeAction<ConversationState> {

	private final QuoteRecords quotes;

	private final Handoffs handoffs;

	private final ContextPack contextPack;

	public ApplyEffects(QuoteRecords quotes, Handoffs handoffs, ContextPack contextPack) {
		this.quotes = quotes;
		this.handoffs = handoffs;
		this.contextPack = contextPack;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		TurnInput turn = state.turn();
		for (Effect effect : state.decision().effects()) {
			if (effect instanceof Effect.RecordQuote record) {
				quotes.record(turn, record.quote());
			}
			else if (effect instanceof Effect.AcceptQuote) {
				quotes.accept(turn.conversationId());
			}
			else if (effect instanceof Effect.Escalate escalate) {
				handoffs.request(new HandoffRequest(turn.conversationId(), reason(escalate.cause()),
						contextPack.describe(state, escalate.cause())));
			}
		}
		return Map.of();
	}

	static HandoffReason reason(EscalationCause cause) {
		switch (cause) {
			case CUSTOMER_REQUEST:
			case QUOTE_ACCEPTED:
				return HandoffReason.CUSTOMER_REQUEST;
			case STUCK:
				return HandoffReason.STUCK;
			case NO_TARIFF:
				return HandoffReason.NO_TARIFF;
			case PANIC_BUTTON:
				return HandoffReason.PANIC_BUTTON;
			default:
				return HandoffReason.OUT_OF_SCOPE;
		}
	}

}
