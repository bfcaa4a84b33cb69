package es.msia.bot.conversation.graph;

import java.util.HashMap;

import es.msia.bot.conversation.state.ConversationState;
import org.bsc.langgraph4j.serializer.std.ObjectStreamStateSerializer;

/**
 * The graph's serializer: Java serialization, as LangGraph4j's default, now used only to read the
 * FORMAT-1 checkpoints of earlier releases ({@link CheckpointCodec} writes JSON), and no serialization
 * round trip to copy the state between nodes. LangGraph4j clones the whole state after
 * every node through its serializer; a profile of 500 concurrent turns put that at over a third of a
 * turn's CPU. Every value in {@link ConversationState} is an immutable record, enum, string or
 * {@code List.copyOf} list, and nodes only return updates ({@code StateUpdate}), so a new map over the
 * same values is as good a copy.
 */
final class ImmutableStateSerializer extends ObjectStreamStateSerializer<ConversationState> {

	ImmutableStateSerializer() {
		super(ConversationState::new);
	}

	@Override
	public ConversationState cloneObject(ConversationState state) {
		return new ConversationState(new HashMap<>(state.data()));
	}

}
