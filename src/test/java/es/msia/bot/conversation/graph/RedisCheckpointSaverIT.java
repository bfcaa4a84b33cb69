package es.msia.bot.conversation.graph;

import java.util.Map;

import es.msia.bot.conversation.graph.TurnCounterState.LastTurn;
import es.msia.bot.messaging.CheckpointStore;
import es.msia.bot.support.IntegrationTest;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.state.StateSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bsc.langgraph4j.StateGraph.END;

class RedisCheckpointSaverIT extends IntegrationTest {

	@Autowired
	CheckpointStore store;

	@Test
	void secondTurnContinuesFromTheFirstEvenInANewGraphAndSaver() throws Exception {
		RunnableConfig thread = thread();

		TurnCounterState first = freshGraph().invoke(Map.of(TurnCounterState.INPUT, "hola"), thread).orElseThrow();
		assertThat(first.turns()).isEqualTo(1);

		// A new saver and a new compiled graph: nothing survives but Redis, as after a restart.
		CompiledGraph<TurnCounterState> restarted = freshGraph();
		TurnCounterState second = restarted.invoke(Map.of(TurnCounterState.INPUT, "precio"), thread).orElseThrow();

		assertThat(second.turns()).isEqualTo(2);
		assertThat(second.messages()).containsExactly("1:hola", "2:precio");
		assertThat(second.lastTurn()).contains(new LastTurn(2, "precio"));

		StateSnapshot<TurnCounterState> latest = freshGraph().getState(thread);
		assertThat(latest.state().turns()).isEqualTo(2);
		assertThat(latest.next()).isEqualTo(END);
	}

	@Test
	void followsConditionalEdgesOnPersistedState() throws Exception {
		RunnableConfig thread = thread();
		for (String input : new String[] { "uno", "dos", "tres" }) {
			freshGraph().invoke(Map.of(TurnCounterState.INPUT, input), thread);
		}

		assertThat(freshGraph().getState(thread).state().messages()).containsExactly("1:uno", "2:dos", "3:tres",
				"adiós");
	}

	@Test
	void keepsConversationsApart() throws Exception {
		RunnableConfig one = thread();
		RunnableConfig other = thread();

		freshGraph().invoke(Map.of(TurnCounterState.INPUT, "a"), one);
		freshGraph().invoke(Map.of(TurnCounterState.INPUT, "b"), one);
		TurnCounterState otherState = freshGraph().invoke(Map.of(TurnCounterState.INPUT, "c"), other).orElseThrow();

		assertThat(otherState.turns()).isEqualTo(1);
		assertThat(otherState.messages()).containsExactly("1:c");
		assertThat(freshGraph().getState(one).state().messages()).containsExactly("1:a", "2:b");
	}

	@Test
	void resumesAnInterruptedRunInANewGraph() throws Exception {
		RunnableConfig thread = thread();
		CompiledGraph<TurnCounterState> interrupting = TurnCounterGraph.compile(this::saver,
				CompileConfig.builder().interruptBefore(TurnCounterGraph.RECORD));

		interrupting.invoke(Map.of(TurnCounterState.INPUT, "hola"), thread);
		StateSnapshot<TurnCounterState> paused = freshGraph().getState(thread);
		assertThat(paused.next()).isEqualTo(TurnCounterGraph.RECORD);
		assertThat(paused.state().messages()).isEmpty();

		TurnCounterState resumed = freshGraph().invoke(GraphInput.resume(), thread).orElseThrow();

		assertThat(resumed.turns()).isEqualTo(1);
		assertThat(resumed.messages()).containsExactly("1:hola");
	}

	@Test
	void listsHistoryNewestFirstAndUpdatesAPastCheckpointInPlace() throws Exception {
		RunnableConfig thread = thread();
		CompiledGraph<TurnCounterState> graph = freshGraph();
		graph.invoke(Map.of(TurnCounterState.INPUT, "hola"), thread);

		var history = graph.getStateHistory(thread).stream().toList();
		assertThat(history).extracting(snapshot -> snapshot.state().turns()).startsWith(1).endsWith(0);
		String newest = history.get(0).config().checkPointId().orElseThrow();

		RunnableConfig atNewest = RunnableConfig.builder(thread).checkPointId(newest).build();
		graph.updateState(atNewest, Map.of(TurnCounterState.TURNS, 10));

		assertThat(graph.getStateHistory(thread)).hasSameSizeAs(history);
		assertThat(freshGraph().getState(thread).state().turns()).isEqualTo(10);
	}

	@Test
	void releaseForgetsTheThreadAndReturnsWhatItHeld() throws Exception {
		RunnableConfig thread = thread();
		freshGraph().invoke(Map.of(TurnCounterState.INPUT, "hola"), thread);
		BaseCheckpointSaver saver = saver(TurnCounterGraph.definition());

		BaseCheckpointSaver.Tag released = saver.release(thread);

		assertThat(released.threadId()).isEqualTo(thread.threadId().orElseThrow());
		assertThat(released.checkpoints()).isNotEmpty();
		assertThat(saver.list(thread)).isEmpty();
		assertThat(store.list(thread.threadId().orElseThrow())).isEmpty();
	}

	@Test
	void releasesTheThreadAtTheEndWhenCompiledToDoSo() throws Exception {
		RunnableConfig thread = thread();
		CompiledGraph<TurnCounterState> releasing = TurnCounterGraph.compile(this::saver,
				CompileConfig.builder().releaseThread(true));

		releasing.invoke(Map.of(TurnCounterState.INPUT, "hola"), thread);

		assertThat(store.list(thread.threadId().orElseThrow())).isEmpty();
	}

	@Test
	void refusesToReplaceACheckpointItDoesNotHave() throws Exception {
		BaseCheckpointSaver saver = saver(TurnCounterGraph.definition());
		RunnableConfig missing = RunnableConfig.builder(thread()).checkPointId("missing").build();
		Checkpoint checkpoint = Checkpoint.builder().nodeId("count").nextNodeId(END).state(Map.of()).build();

		assertThatThrownBy(() -> saver.put(missing, checkpoint)).isInstanceOf(java.util.NoSuchElementException.class);
	}

	@Test
	void resumesFromACheckpointOfThePreviousReleaseAndWritesTheNextOneAsJson() throws Exception {
		RunnableConfig thread = thread();
		String threadId = thread.threadId().orElseThrow();
		// What the previous release left in Redis: the end of a first turn, Java-serialized (FORMAT 1).
		Checkpoint previous = Checkpoint.builder()
			.nodeId(TurnCounterGraph.RECORD)
			.nextNodeId(END)
			.state(Map.of(TurnCounterState.INPUT, "hola", TurnCounterState.TURNS, 1, TurnCounterState.MESSAGES,
					java.util.List.of("1:hola"), TurnCounterState.LAST_TURN, new LastTurn(1, "hola")))
			.build();
		store.put(threadId, previous.getId(),
				Format1FixtureWriter.encode(previous, TurnCounterGraph.definition().getStateSerializer()));

		TurnCounterState second = freshGraph().invoke(Map.of(TurnCounterState.INPUT, "precio"), thread).orElseThrow();

		assertThat(second.turns()).isEqualTo(2);
		assertThat(second.messages()).containsExactly("1:hola", "2:precio");
		byte[] newest = store.latest(threadId).orElseThrow().payload();
		assertThat(new String(newest, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{\"format\":2,");
	}

	@Test
	void readsTheNewestCheckpointOnceWithinARunUntilItWritesAgain() throws Exception {
		RunnableConfig thread = thread();
		freshGraph().invoke(Map.of(TurnCounterState.INPUT, "hola"), thread);
		java.util.concurrent.atomic.AtomicInteger newestReads = new java.util.concurrent.atomic.AtomicInteger();
		CheckpointStore counting = new CheckpointStore() {
			@Override
			public java.util.Optional<es.msia.bot.messaging.StoredCheckpoint> latest(String threadId) {
				newestReads.incrementAndGet();
				return store.latest(threadId);
			}

			@Override
			public void put(String threadId, String checkpointId, byte[] payload) {
				store.put(threadId, checkpointId, payload);
			}

			@Override
			public boolean replace(String threadId, String replacedId, String checkpointId, byte[] payload) {
				return store.replace(threadId, replacedId, checkpointId, payload);
			}

			@Override
			public java.util.List<es.msia.bot.messaging.StoredCheckpoint> list(String threadId) {
				return store.list(threadId);
			}

			@Override
			public java.util.Optional<es.msia.bot.messaging.StoredCheckpoint> get(String threadId, String checkpointId) {
				return store.get(threadId, checkpointId);
			}

			@Override
			public boolean clear(String threadId) {
				return store.clear(threadId);
			}
		};
		RedisCheckpointSaver saver = new RedisCheckpointSaver(counting, TurnCounterState.CHECKPOINTS, null);
		CompiledGraph<TurnCounterState> graph = TurnCounterGraph.compile(definition -> saver);
		java.util.List<Integer> seen = new java.util.ArrayList<>();

		saver.readingNewestOnce(() -> {
			seen.add(graph.stateOf(thread).orElseThrow().state().turns());
			seen.add(graph.stateOf(thread).orElseThrow().state().turns());
			seen.add(graph.invoke(Map.of(TurnCounterState.INPUT, "precio"), thread).orElseThrow().turns());
			// The run wrote checkpoints: the newest is read from Redis again, and is the run's last.
			seen.add(graph.stateOf(thread).orElseThrow().state().turns());
		});

		assertThat(seen).containsExactly(1, 1, 2, 2);
		assertThat(newestReads).hasValue(2);
		// Outside the scope every read goes to Redis.
		graph.stateOf(thread);
		graph.stateOf(thread);
		assertThat(newestReads).hasValue(4);
	}

	private CompiledGraph<TurnCounterState> freshGraph() throws Exception {
		return TurnCounterGraph.compile(this::saver);
	}

	private BaseCheckpointSaver saver(org.bsc.langgraph4j.StateGraph<TurnCounterState> graph) {
		return new RedisCheckpointSaver(store, TurnCounterState.CHECKPOINTS, graph.getStateSerializer());
	}

	private static RunnableConfig thread() {
		return RunnableConfig.builder().threadId("it-" + nextId()).build();
	}

}
