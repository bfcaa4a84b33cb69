package es.msia.bot.conversation.graph.nodes;

import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.bsc.langgraph4j.action.NodeAction;

/** Understand: the customer's text as typed commands; nothing else. */
public final class Understand implements NodeAction<ConversationState> {

	private final Understanding understanding;

	public Understand(Understanding understanding) {
		this.understanding = understanding;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		if (state.gate() == Gate.PANIC) {
			return StateUpdate.of().commands(List.of()).build();
		}
		DialogueState dialogue = state.dialogue().orElse(DialogueState.initial());
		if (state.turn().text().isBlank() && !state.turn().attachments().isEmpty()) {
			// Nothing to read: the policy acknowledges the file (or asks for text instead of a voice note).
			boolean voiceNote = state.turn().attachments().stream().anyMatch(a -> "audio".equals(a.fileType()));
			return StateUpdate.of().commands(List.of(new AgentCommand.SendMedia(voiceNote))).build();
		}
		UnderstandingContext context = new UnderstandingContext(dialogue.phase(), state.context().categorySlug(),
				dialogue.pendingUmbrellas(), dialogue.items(), state.turn().conversationId());
		return StateUpdate.of().commands(understanding.understand(context, state.turn().text())).build();
	}

}
