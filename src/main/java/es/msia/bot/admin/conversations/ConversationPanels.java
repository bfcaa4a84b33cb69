package es.msia.bot.admin.conversations;

import es.msia.bot.conversation.ConversationView;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.Transcript;
import es.msia.bot.shared.SimulatedConversations;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the transcript and state panels, shared by the conversation page and the simulator so
 * both show the same thing the same way ({@code admin/fragments/conversation.html}).
 */
@Component
public class ConversationPanels {

	static final int TRANSCRIPT_LINES = 200;

	private final Transcript transcript;

	private final ConversationView view;

	private final Handoffs handoffs;

	ConversationPanels(Transcript transcript, ConversationView view, Handoffs handoffs) {
		this.transcript = transcript;
		this.view = view;
		this.handoffs = handoffs;
	}

	/** Adds {@code conversationId}, {@code simulated}, {@code lines}, {@code snapshot} and {@code owner}. */
	public void fill(long conversationId, Model model) {
		model.addAttribute("conversationId", conversationId);
		model.addAttribute("simulated", SimulatedConversations.isSimulated(conversationId));
		model.addAttribute("lines", transcript.latest(conversationId, TRANSCRIPT_LINES));
		model.addAttribute("snapshot", view.snapshot(conversationId));
		model.addAttribute("owner", handoffs.ownerOf(conversationId).name());
	}

}
