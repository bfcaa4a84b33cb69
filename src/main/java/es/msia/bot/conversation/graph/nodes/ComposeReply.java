package es.msia.bot.conversation.graph.nodes;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.handoff.Handoffs;
import org.bsc.langgraph4j.action.NodeAction;

/** Respond: the decision's intents in Spanish, with the business-hours wait message on a handoff. */
public final class ComposeReply implements NodeAction<ConversationState> {

	private final ReplyComposer composer;

	private final Handoffs handoffs;

	private final Clock clock;

	public ComposeReply(ReplyComposer composer, Handoffs handoffs, Clock clock) {
		this.composer = composer;
		this.handoffs = handoffs;
		this.clock = clock;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		// Only a handoff notice carries the wait message (business hours and texts from the settings).
		boolean handoff = state.decision().replies().stream().anyMatch(ReplyIntent.HandoffNotice.class::isInstance);
		String wait = handoff ? handoffs.waitMessage(Instant.now(clock)) : "";
		return StateUpdate.of().reply(composer.compose(state.decision().replies(), wait, state.caseReply())).build();
	}

}
