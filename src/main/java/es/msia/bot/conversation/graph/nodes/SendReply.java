package es.msia.bot.conversation.graph.nodes;

import java.util.List;
import java.util.Map;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.conversation.ExampleImages;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.InboundMessages;
import es.msia.bot.handoff.Owner;
import org.bsc.langgraph4j.action.NodeAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Send: the reply into the outbox, keyed by the customer message, so a turn run twice sends once.
 * Ownership is checked again first: if a person took over while this turn was computed, the reply is
 * dropped (unless this very turn handed the conversation over and is telling the customer so).
 */
public final class SendReply implements NodeAction<ConversationState> {

	private static final Logger log = LoggerFactory.getLogger(SendReply.class);

	private final ChatwootOutbox outbox;

	private final Handoffs handoffs;

	private final ExampleImages examples;

	private final InboundMessages inbound;

	public SendReply(ChatwootOutbox outbox, Handoffs handoffs, ExampleImages examples, InboundMessages inbound) {
		this.inbound = inbound;
		this.outbox = outbox;
		this.handoffs = handoffs;
		this.examples = examples;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		TurnInput turn = state.turn();
		boolean handedOverNow = state.decision().effects().stream().anyMatch(Effect.Escalate.class::isInstance);
		if (!handedOverNow && handoffs.ownerOf(turn.conversationId()) != Owner.BOT) {
			log.info("Conversation {} was taken over during the turn; reply to {} dropped", turn.conversationId(),
					turn.messageId());
			return Map.of();
		}
		if (!handedOverNow && inbound.hasNewerUnanswered(turn.conversationId(), turn.messageId())) {
			// The customer wrote again while this reply was computed: the next turn answers both, once.
			// A handoff notice is never dropped: the next turn would stay silent.
			log.info("Reply to {} is stale: conversation {} has a newer message", turn.messageId(), turn.conversationId());
			return Map.of();
		}
		List<String> reply = state.reply();
		for (int i = 0; i < reply.size(); i++) {
			outbox.enqueue(OutboundReply.text("reply:" + turn.messageId() + ":" + i, turn.conversationId(), reply.get(i),
					turn.replyBefore()));
		}
		state.decision()
			.effects()
			.stream()
			.filter(Effect.SendExamples.class::isInstance)
			.map(Effect.SendExamples.class::cast)
			.forEach(send -> examples.send(turn, state.context().categorySlug(), send.itemCodes()));
		return Map.of();
	}

}
