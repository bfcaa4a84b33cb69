package es.msia.bot.conversation.graph;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;
import org.bsc.langgraph4j.state.Channels;

/** A small typed state shaped like the conversation's: a counter, an append-only transcript, a record value. */
class TurnCounterState extends AgentState {

	static final String INPUT = "input";

	static final String TURNS = "turns";

	static final String MESSAGES = "messages";

	static final String LAST_TURN = "last_turn";

	static final Map<String, Channel<?>> SCHEMA = Map.of(
			// last write wins, 0 before the first turn
			TURNS, Channels.base(() -> 0),
			// node updates are appended, duplicates allowed (a customer may say "sí" twice)
			MESSAGES, Channels.appenderWithDuplicate(ArrayList::new));

	/** How the checkpoints write this state. */
	static final CheckpointSchema CHECKPOINTS = CheckpointSchema.builder()
		.key(INPUT, String.class)
		.key(TURNS, Integer.class)
		.listKey(MESSAGES, String.class)
		.key(LAST_TURN, LastTurn.class)
		.build();

	/** Serializable too, for the default ObjectStreamStateSerializer (FORMAT-1 checkpoints). */
	record LastTurn(int number, String text) implements Serializable {
	}

	TurnCounterState(Map<String, Object> data) {
		super(data);
	}

	String input() {
		return this.<String>value(INPUT).orElse("");
	}

	int turns() {
		return this.<Integer>value(TURNS).orElse(0);
	}

	List<String> messages() {
		return this.<List<String>>value(MESSAGES).orElse(List.of());
	}

	Optional<LastTurn> lastTurn() {
		return value(LAST_TURN);
	}

}
