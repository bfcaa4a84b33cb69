package es.msia.bot.conversation.graph;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.ReplyIntent;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An upgrade: the checkpoints the previous release wrote (Java serialization, FORMAT 1, committed as bytes
 * under {@code src/test/resources/checkpoints/}) are read by this release into the very states they held,
 * and written again as FORMAT 2.
 */
class CheckpointUpgradeTests {

	private final CheckpointCodec codec = new CheckpointCodec(ConversationCheckpoints.SCHEMA,
			new ImmutableStateSerializer());

	static List<String> fixtures() {
		return List.copyOf(CheckpointSamples.all().keySet());
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void readsTheCheckpointsOfThePreviousRelease(String name) throws IOException {
		Checkpoint expected = CheckpointSamples.all().get(name);
		byte[] previousRelease = fixture("format1-" + name + ".bin");
		assertThat(previousRelease).startsWith((byte) 0xAC, (byte) 0xED);

		Checkpoint read = codec.decode(previousRelease);

		assertSame(read, expected);
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void rewritesThemAsJsonThatReadsBackTheSame(String name) throws IOException {
		Checkpoint upgraded = codec.decode(fixture("format1-" + name + ".bin"));

		byte[] rewritten = codec.encode(upgraded);

		assertThat(new String(rewritten, StandardCharsets.UTF_8)).startsWith("{\"format\":2,");
		assertSame(codec.decode(rewritten), CheckpointSamples.all().get(name));
	}

	@Test
	void everyTypeOfThisReleaseRoundTripsAsJson() {
		Checkpoint now = CheckpointSamples.everyTypeNow();

		assertSame(codec.decode(codec.encode(now)), now);
	}

	@Test
	void theEveryTypeSampleHoldsEveryCommandEffectAndReplyIntent() {
		Map<String, Object> state = CheckpointSamples.everyTypeNow().getState();
		Decision decision = (Decision) state.get("decision");
		Set<Class<?>> present = new HashSet<>();
		((List<?>) state.get("commands")).forEach(command -> present.add(command.getClass()));
		decision.effects().forEach(effect -> present.add(effect.getClass()));
		decision.replies().forEach(reply -> present.add(reply.getClass()));

		for (Class<?> sealed : List.of(AgentCommand.class, Effect.class, ReplyIntent.class)) {
			assertThat(present).as(sealed.getSimpleName()).contains(sealed.getPermittedSubclasses());
		}
	}

	private static void assertSame(Checkpoint read, Checkpoint expected) {
		assertThat(read.getId()).isEqualTo(expected.getId());
		assertThat(read.getNodeId()).isEqualTo(expected.getNodeId());
		assertThat(read.getNextNodeId()).isEqualTo(expected.getNextNodeId());
		assertThat(read.getState()).isEqualTo(expected.getState());
	}

	private static byte[] fixture(String file) throws IOException {
		try (InputStream in = CheckpointUpgradeTests.class.getResourceAsStream("/checkpoints/" + file)) {
			assertThat(in).as(file).isNotNull();
			return in.readAllBytes();
		}
	}

}
