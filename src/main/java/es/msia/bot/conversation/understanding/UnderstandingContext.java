package es.msia.bot.conversation.understanding;

import java.util.List;

import es.msia.bot.conversation.flow.Phase;
import org.jspecify.annotations.Nullable;

/**
 * What understanding may know about the conversation: the phase, the category whose elements can be
 * named, the umbrellas whose variant question is pending and the items already selected.
 */
public record UnderstandingContext(Phase phase, @Nullable String categorySlug, List<String> pendingUmbrellas,
		List<String> selectedItems) {

	public UnderstandingContext {
		pendingUmbrellas = List.copyOf(pendingUmbrellas);
		selectedItems = List.copyOf(selectedItems);
	}

}
