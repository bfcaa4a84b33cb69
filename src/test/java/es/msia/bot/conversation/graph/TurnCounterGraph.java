package es.msia.bot.conversation.graph;

import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.graph.TurnCounterState.LastTurn;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;

import static org.bsc.langgraph4j.StateGraph.END;
import static org.bsc.langgraph4j.StateGraph.START;
import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * count → record → (every third turn) farewell → END. Built fresh for every "process", as the
 * application would after a restart.
 */
final class TurnCounterGraph {

	static final String COUNT = "count";

	static final String RECORD = "record";

	static final String FAREWELL = "farewell";

	private TurnCounterGraph() {
	}

	static StateGraph<TurnCounterState> definition() throws GraphStateException {
		return new StateGraph<>(TurnCounterState.SCHEMA, TurnCounterState::new)
			.addNode(COUNT, node_async(state -> Map.of(TurnCounterState.TURNS, state.turns() + 1)))
			.addNode(RECORD, node_async(state -> Map.of(
					TurnCounterState.MESSAGES, List.of(state.turns() + ":" + state.input()),
					TurnCounterState.LAST_TURN, new LastTurn(state.turns(), state.input()))))
			.addNode(FAREWELL, node_async(state -> Map.of(TurnCounterState.MESSAGES, List.of("adiós"))))
			.addEdge(START, COUNT)
			.addEdge(COUNT, RECORD)
			.addConditionalEdges(RECORD, edge_async(state -> state.turns() % 3 == 0 ? FAREWELL : END),
					Map.of(FAREWELL, FAREWELL, END, END))
			.addEdge(FAREWELL, END);
	}

	/** Compiled against a saver built with this graph's own serializer. */
	static CompiledGraph<TurnCounterState> compile(SaverFactory savers, CompileConfig.Builder config)
			throws GraphStateException {
		StateGraph<TurnCounterState> graph = definition();
		return graph.compile(config.checkpointSaver(savers.saverFor(graph)).build());
	}

	static CompiledGraph<TurnCounterState> compile(SaverFactory savers) throws GraphStateException {
		return compile(savers, CompileConfig.builder());
	}

	interface SaverFactory {

		BaseCheckpointSaver saverFor(StateGraph<TurnCounterState> graph);

	}

}
