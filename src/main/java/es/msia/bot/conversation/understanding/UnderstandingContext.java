package es.msia.bot.conversation.understanding;

import java.util.List;

import es.msia.bot.cases.OpenFields;
import es.msia.bot.conversation.flow.Phase;
import org.jspecify.annotations.Nullable;

/**
 * What understanding may know about the conversation: the phase, the category whose elements can be
 * named, the umbrellas whose variant question is pending, the items already selected, the Chatwoot
 * conversation (0 when there is none), whose recent messages an LLM may read, and, while a case is
 * collected, the fields its current question asks (whose values an LLM may propose).
 */
public record UnderstandingContext(Phase phase, @Nullable String categorySlug, List<String> pendingUmbrellas,
		List<String> selectedItems, long conversationId, @Nullable OpenFields caseFields) {

	public UnderstandingContext {
		pendingUmbrellas = List.copyOf(pendingUmbrellas);
		selectedItems = List.copyOf(selectedItems);
	}

	/** A context without case fields (no case question about fields open). */
	public UnderstandingContext(Phase phase, @Nullable String categorySlug, List<String> pendingUmbrellas,
			List<String> selectedItems, long conversationId) {
		this(phase, categorySlug, pendingUmbrellas, selectedItems, conversationId, null);
	}

	/** A context outside any stored conversation (tests, evals): no recent messages, no cost attribution. */
	public UnderstandingContext(Phase phase, @Nullable String categorySlug, List<String> pendingUmbrellas,
			List<String> selectedItems) {
		this(phase, categorySlug, pendingUmbrellas, selectedItems, 0L);
	}

}
