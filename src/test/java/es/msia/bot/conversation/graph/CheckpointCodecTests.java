package es.msia.bot.conversation.graph;

import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.graph.TurnCounterState.LastTurn;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.std.ObjectStreamStateSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointCodecTests {

	private final CheckpointCodec codec = new CheckpointCodec(new ObjectStreamStateSerializer<>(TurnCounterState::new));

	@Test
	void roundTripsIdsNodesAndTypedState() {
		String longText = "x".repeat(70_000);
		Checkpoint checkpoint = Checkpoint.builder()
			.id("cp-1")
			.nodeId("record")
			.nextNodeId("__END__")
			.state(Map.of(TurnCounterState.TURNS, 2, TurnCounterState.MESSAGES, List.of("1:hola", longText),
					TurnCounterState.LAST_TURN, new LastTurn(2, "precio")))
			.build();

		Checkpoint read = codec.decode(codec.encode(checkpoint));

		assertThat(read.getId()).isEqualTo("cp-1");
		assertThat(read.getNodeId()).isEqualTo("record");
		assertThat(read.getNextNodeId()).isEqualTo("__END__");
		assertThat(read.getState()).isEqualTo(checkpoint.getState());
	}

	@Test
	void keepsTheCaseFieldValuesTheModelReadAcrossACheckpoint() {
		// A turn resumed after a crash must hand the case flow the same proposals.
		Map<String, Object> state = Map.of("commands",
				List.of(new AgentCommand.ProvideCaseFields(Map.of("marca_modelo", "Akrapovic", "tipo", "Colector"))),
				"effects", List.of(new Effect.CollectCase(Map.of("marca_modelo", "Akrapovic")), new Effect.CollectCase()));
		Checkpoint checkpoint = Checkpoint.builder().id("cp-2").nodeId("decide").nextNodeId("apply_effects").state(state)
			.build();

		assertThat(codec.decode(codec.encode(checkpoint)).getState()).isEqualTo(state);
	}

	@Test
	void refusesCheckpointsWrittenByAnotherSerializer() {
		ObjectStreamStateSerializer<TurnCounterState> other = new ObjectStreamStateSerializer<>(TurnCounterState::new) {
			@Override
			public String contentType() {
				return "application/json";
			}
		};
		byte[] written = new CheckpointCodec(other).encode(
				Checkpoint.builder().id("cp").nodeId("count").nextNodeId("record").state(Map.of()).build());

		assertThatThrownBy(() -> codec.decode(written)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("application/json");
	}

}
