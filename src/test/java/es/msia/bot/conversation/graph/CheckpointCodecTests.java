package es.msia.bot.conversation.graph;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.graph.TurnCounterState.LastTurn;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.StateUpdate;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.std.ObjectStreamStateSerializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointCodecTests {

	private final ObjectStreamStateSerializer<TurnCounterState> java = new ObjectStreamStateSerializer<>(
			TurnCounterState::new);

	private final CheckpointCodec codec = new CheckpointCodec(TurnCounterState.CHECKPOINTS, java);

	private final CheckpointCodec conversations = new CheckpointCodec(ConversationCheckpoints.SCHEMA,
			new ImmutableStateSerializer());

	@Test
	void roundTripsIdsNodesAndTypedStateAsJson() {
		String longText = "x".repeat(70_000);
		Checkpoint checkpoint = Checkpoint.builder()
			.id("cp-1")
			.nodeId("record")
			.nextNodeId("__END__")
			.state(Map.of(TurnCounterState.TURNS, 2, TurnCounterState.MESSAGES, List.of("1:hola", longText),
					TurnCounterState.LAST_TURN, new LastTurn(2, "precio")))
			.build();

		byte[] bytes = codec.encode(checkpoint);
		Checkpoint read = codec.decode(bytes);

		assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"format\":2,\"id\":\"cp-1\",");
		assertThat(read.getId()).isEqualTo("cp-1");
		assertThat(read.getNodeId()).isEqualTo("record");
		assertThat(read.getNextNodeId()).isEqualTo("__END__");
		assertThat(read.getState()).isEqualTo(checkpoint.getState());
	}

	@Test
	void keepsTheCaseFieldValuesTheModelReadAcrossACheckpoint() {
		// A turn resumed after a crash must hand the case flow the same proposals.
		DialogueState dialogue = DialogueState.initial();
		Map<String, Object> state = StateUpdate.of()
			.commands(List.of(new AgentCommand.ProvideCaseFields(Map.of("marca_modelo", "Akrapovic", "tipo", "Colector"))))
			.decision(new Decision(dialogue, List.of(new ReplyIntent.CaseMessage()),
					List.of(new Effect.CollectCase(Map.of("marca_modelo", "Akrapovic")), new Effect.CollectCase())))
			.build();
		Checkpoint checkpoint = Checkpoint.builder().id("cp-2").nodeId("decide").nextNodeId("apply_effects").state(state)
			.build();

		assertThat(conversations.decode(conversations.encode(checkpoint)).getState()).isEqualTo(state);
	}

	@Test
	void writesEveryKeyANodeCanSetAndANewTurnStartsWith() {
		Map<String, Object> state = new java.util.HashMap<>(StateUpdate.of()
			.context(CheckpointSamples.MOTO_PARTICULAR)
			.dialogue(DialogueState.initial())
			.gate(Gate.PANIC)
			.commands(List.of(new AgentCommand.Greet()))
			.decision(new Decision(DialogueState.initial(), List.of(), List.of()))
			.reply(List.of("hola"))
			.caseReply("")
			.build());
		state.putAll(ConversationState.newTurn(CheckpointSamples.turn(1, "hola", List.of())));
		Checkpoint checkpoint = Checkpoint.builder().id("cp-3").nodeId("compose_reply").nextNodeId("send_reply")
			.state(state).build();

		assertThat(conversations.decode(conversations.encode(checkpoint)).getState()).isEqualTo(state);
	}

	@Test
	void readsACheckpointOfAnOlderOrNewerShapeDefaultingWhatIsMissingAndSkippingWhatIsUnknown() {
		// As a release with one component fewer (no examplesSent, no offer) and a newer one (mood, an
		// extra state key and an extra envelope field) would have written it.
		String json = """
				{"format":2,"id":"cp-4","node":"decide","next":"apply_effects","written_by":"2027.1",
				 "state":{"dialogue":{"phase":"QUOTED","items":["ESCAPE"],"pending":[],"unknownTerms":[],
				  "stalls":1,"mood":"happy"},"sentiment":{"score":0.4},"gate":"SILENT","case_reply":"hecho"}}""";

		Checkpoint read = conversations.decode(json.getBytes(StandardCharsets.UTF_8));

		assertThat(read.getState()).containsOnlyKeys("dialogue", "gate", "case_reply");
		assertThat(read.getState().get("dialogue"))
			.isEqualTo(new DialogueState(Phase.QUOTED, List.of("ESCAPE"), List.of(), List.of(), null, 1, List.of()));
		assertThat(read.getState().get("gate")).isEqualTo(Gate.SILENT);
	}

	@Test
	void refusesAFormatItDoesNotKnow() {
		byte[] newer = "{\"format\":3,\"id\":\"cp\",\"state\":{}}".getBytes(StandardCharsets.UTF_8);

		assertThatThrownBy(() -> codec.decode(newer)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("format 3");
	}

	@Test
	void refusesToWriteAStateKeyWithoutACheckpointType() {
		Checkpoint checkpoint = Checkpoint.builder().id("cp").nodeId("count").nextNodeId("record")
			.state(Map.of("mystery", 1))
			.build();

		assertThatThrownBy(() -> codec.encode(checkpoint)).hasMessageContaining("mystery");
	}

	@Test
	void aSealedTypeCannotBeMappedWithoutATagForEachSubtype() {
		assertThatThrownBy(() -> CheckpointSchema.builder()
			.tagged(Shape.class, Map.of(Shape.Circle.class, "circle"))
			.build()).hasMessageContaining("Square");
	}

	sealed interface Shape {

		record Circle(int radius) implements Shape {
		}

		record Square(int side) implements Shape {
		}

	}

	@Test
	void readsAFormat1CheckpointAndRefusesOneWrittenByAnotherSerializer() {
		Checkpoint checkpoint = Checkpoint.builder().id("cp-5").nodeId("count").nextNodeId("record")
			.state(Map.of(TurnCounterState.TURNS, 4, TurnCounterState.LAST_TURN, new LastTurn(4, "vale")))
			.build();
		assertThat(codec.decode(Format1FixtureWriter.encode(checkpoint, java)).getState())
			.isEqualTo(checkpoint.getState());

		ObjectStreamStateSerializer<TurnCounterState> other = new ObjectStreamStateSerializer<>(TurnCounterState::new) {
			@Override
			public String contentType() {
				return "application/json";
			}
		};
		byte[] written = Format1FixtureWriter.encode(
				Checkpoint.builder().id("cp").nodeId("count").nextNodeId("record").state(Map.of()).build(), other);

		assertThatThrownBy(() -> codec.decode(written)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("application/json");
	}

}
