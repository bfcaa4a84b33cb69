package es.msia.bot.conversation.graph.nodes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

import es.msia.bot.cases.OpenFields;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.bsc.langgraph4j.action.NodeAction;

/** Understand: the customer's text as typed commands; nothing else. */
public final class Understand implements NodeAction<ConversationState> {

	private final Understanding understanding;

	private final LongFunction<Optional<OpenFields>> askedFields;

	private final CaseChoice caseChoice;

	/** Which of the customer's cases a reply names, when they were asked «¿por cuál?» (the case module knows). */
	@FunctionalInterface
	public interface CaseChoice {

		Optional<String> choose(long conversationId, long customerId, String text);

	}

	/**
	 * @param askedFields the fields the conversation's case asks now; only an understanding that can read
	 *     values (the LLM) needs them, so the offline engine is given a lookup that asks nothing
	 */
	public Understand(Understanding understanding, LongFunction<Optional<OpenFields>> askedFields) {
		this(understanding, askedFields, (conversation, customer, text) -> Optional.empty());
	}

	/** @param caseChoice reads the reply to «¿por cuál de tus expedientes?» as one of the customer's cases */
	public Understand(Understanding understanding, LongFunction<Optional<OpenFields>> askedFields, CaseChoice caseChoice) {
		this.understanding = understanding;
		this.askedFields = askedFields;
		this.caseChoice = caseChoice;
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
		long conversationId = state.turn().conversationId();
		if (dialogue.offer() == DialogueState.Offer.CHOOSE_CASE) {
			// Deterministic in both understanding paths: «2», «MSI-2026-000012», «el del escape».
			Optional<String> chosen = caseChoice.choose(conversationId, state.turn().customerId(), state.turn().text());
			if (chosen.isPresent()) {
				return StateUpdate.of().commands(List.of(new AgentCommand.ChooseCase(chosen.get()))).build();
			}
		}
		OpenFields caseFields = dialogue.phase() == Phase.COLLECTING_CASE
				? askedFields.apply(conversationId).orElse(null) : null;
		UnderstandingContext context = new UnderstandingContext(dialogue.phase(), state.context().categorySlug(),
				dialogue.pendingUmbrellas(), dialogue.items(), conversationId, caseFields);
		return StateUpdate.of().commands(understanding.understand(context, state.turn().text())).build();
	}

}
