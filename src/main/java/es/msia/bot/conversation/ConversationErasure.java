package es.msia.bot.conversation;

import java.util.Collection;

import es.msia.bot.messaging.CheckpointStore;
import org.springframework.stereotype.Service;

/**
 * GDPR erasure of what the agent remembers about conversations: the graph's checkpoints in Redis (they hold
 * the messages, the collected data and the quote). The quotes given ({@code conversation_quotes}: tier,
 * prices, catalogue items and version, no personal data) and the LLM call ledger (tokens and cost per
 * conversation, no text) stay: MSI must be able to show what it quoted and what the service cost.
 */
@Service
public class ConversationErasure {

	private final CheckpointStore checkpoints;

	ConversationErasure(CheckpointStore checkpoints) {
		this.checkpoints = checkpoints;
	}

	/** Forgets the conversations' graph state; a later message starts a fresh conversation. */
	public int erase(Collection<Long> conversationIds) {
		int cleared = 0;
		for (long id : conversationIds) {
			// The graph's thread id is the conversation id (see graph.ConversationGraph).
			if (checkpoints.clear(Long.toString(id))) {
				cleared++;
			}
		}
		return cleared;
	}

}
