package es.msia.bot.conversation.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.conversation.command.AgentCommand.AnswerVariant;
import es.msia.bot.conversation.command.AgentCommand.MentionElements;
import es.msia.bot.conversation.command.AgentCommand.RemoveElements;

/**
 * The element selection being changed during one turn: set semantics, so repeating an element is
 * harmless, and removing an umbrella removes its variants and its open question.
 */
final class Selection {

	private final Set<String> items;

	private final List<PendingVariantQuestion> pending;

	private final Set<String> unknown = new LinkedHashSet<>();

	private final Set<String> before;

	private final java.util.function.Function<String, String> umbrellaOf;

	Selection(DialogueState state, java.util.function.Function<String, String> umbrellaOf) {
		this.items = new LinkedHashSet<>(state.items());
		this.before = Set.copyOf(state.items());
		this.pending = new ArrayList<>(state.pending());
		this.umbrellaOf = umbrellaOf;
	}

	void mention(MentionElements mention) {
		items.addAll(mention.itemCodes());
		for (PendingVariantQuestion question : mention.questions()) {
			boolean alreadyResolved = items.stream().anyMatch(i -> question.umbrellaCode().equals(umbrellaOf.apply(i)));
			boolean alreadyAsked = pending.stream().anyMatch(p -> p.umbrellaCode().equals(question.umbrellaCode()));
			if (!alreadyResolved && !alreadyAsked) {
				pending.add(question);
			}
		}
		unknown.addAll(mention.unknownTerms());
	}

	void answer(AnswerVariant answer) {
		boolean wasPending = pending.removeIf(p -> p.umbrellaCode().equals(answer.umbrellaCode()));
		if (wasPending) {
			items.addAll(answer.variantCodes());
		}
	}

	void remove(RemoveElements remove) {
		for (String code : remove.codes()) {
			items.remove(code);
			items.removeIf(i -> code.equals(umbrellaOf.apply(i)));
			pending.removeIf(p -> p.umbrellaCode().equals(code));
		}
	}

	boolean itemsChanged() {
		return !before.equals(items);
	}

	List<String> items() {
		return List.copyOf(items);
	}

	List<PendingVariantQuestion> pending() {
		return List.copyOf(pending);
	}

	List<String> unknown() {
		return List.copyOf(unknown);
	}

}
