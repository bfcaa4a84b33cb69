package es.msia.bot.conversation.graph;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import es.msia.bot.conversation.graph.nodes.ApplyEffects;
import es.msia.bot.conversation.graph.nodes.CheckOwner;
import es.msia.bot.conversation.graph.nodes.ComposeReply;
import es.msia.bot.conversation.graph.nodes.Decide;
import es.msia.bot.conversation.graph.nodes.LoadContext;
import es.msia.bot.conversation.graph.nodes.SendReply;
import es.msia.bot.conversation.graph.nodes.Understand;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.messaging.CheckpointStore;
import org.bsc.langgraph4j.CompileConfig;
import org.bsc.langgraph4j.CompiledGraph;
import org.bsc.langgraph4j.GraphInput;
import org.bsc.langgraph4j.GraphStateException;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.StateGraph;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.state.StateSnapshot;

import static es.msia.bot.conversation.graph.Nodes.*;
import static org.bsc.langgraph4j.StateGraph.END;
import static org.bsc.langgraph4j.StateGraph.START;
import static org.bsc.langgraph4j.action.AsyncEdgeAction.edge_async;
import static org.bsc.langgraph4j.action.AsyncNodeAction.node_async;

/**
 * One customer turn is one pass through this graph:
 * load_context → check_owner → (silent: end) → understand → decide → apply_effects → compose_reply →
 * send_reply. State is checkpointed in Redis per conversation after the nodes whose work must not be
 * repeated; a turn interrupted by a crash is resumed from its last checkpoint instead of being started again.
 */
public final class ConversationGraph {

	/** The nodes, built by Spring with their collaborators. */
	public record Steps(LoadContext loadContext, CheckOwner checkOwner, Understand understand, Decide decide,
			ApplyEffects applyEffects, ComposeReply composeReply, SendReply sendReply) {
	}

	private static final Set<String> KEPT_AFTER = Set.of(UNDERSTAND, APPLY_EFFECTS, SEND_REPLY);

	private final CompiledGraph<ConversationState> graph;

	private final RedisCheckpointSaver saver;

	public ConversationGraph(Steps steps, CheckpointStore checkpoints) throws GraphStateException {
		StateGraph<ConversationState> definition = new StateGraph<>(ConversationState.SCHEMA, new ImmutableStateSerializer())
			.addNode(LOAD_CONTEXT, node_async(steps.loadContext()))
			.addNode(CHECK_OWNER, node_async(steps.checkOwner()))
			.addNode(UNDERSTAND, node_async(steps.understand()))
			.addNode(DECIDE, node_async(steps.decide()))
			.addNode(APPLY_EFFECTS, node_async(steps.applyEffects()))
			.addNode(COMPOSE_REPLY, node_async(steps.composeReply()))
			.addNode(SEND_REPLY, node_async(steps.sendReply()))
			.addEdge(START, LOAD_CONTEXT)
			.addEdge(LOAD_CONTEXT, CHECK_OWNER)
			.addConditionalEdges(CHECK_OWNER, edge_async(new RouteAfterGate()),
					Map.of(RouteAfterGate.CONTINUE, UNDERSTAND, RouteAfterGate.STOP, END))
			.addEdge(UNDERSTAND, DECIDE)
			.addEdge(DECIDE, APPLY_EFFECTS)
			.addEdge(APPLY_EFFECTS, COMPOSE_REPLY)
			.addEdge(COMPOSE_REPLY, SEND_REPLY)
			.addEdge(SEND_REPLY, END);
		// Java serialization only reads the checkpoints of releases before the JSON format.
		this.saver = new RedisCheckpointSaver(checkpoints, ConversationCheckpoints.SCHEMA,
				definition.getStateSerializer(), ConversationGraph::worthKeeping);
		// The step limit is the circuit breaker against a routing loop (7 nodes per turn).
		this.graph = definition.compile(CompileConfig.builder().checkpointSaver(saver).recursionLimit(20).build());
	}

	/**
	 * The checkpoints a crash must not lose: after the understanding (a paid LLM call), after the effects
	 * (the expediente, the handoff), after the reply went out, and the last one of every turn (which tells
	 * a redelivered message that its turn is over). The other nodes only read or compute and run again on a
	 * resume; skipping their checkpoints saved four of seven Redis writes per turn.
	 */
	private static boolean worthKeeping(Checkpoint checkpoint) {
		return KEPT_AFTER.contains(checkpoint.getNodeId()) || END.equals(checkpoint.getNextNodeId());
	}

	/**
	 * Runs the turn, or resumes it when the latest checkpoint shows this very message half-processed
	 * (the agent died mid-turn); a message whose turn already finished is not run again.
	 */
	public void run(TurnInput turn) throws Exception {
		RunnableConfig thread = RunnableConfig.builder().threadId(Long.toString(turn.conversationId())).build();
		// The newest checkpoint is read once, here, and handed to the graph's own start of the run.
		saver.readingNewestOnce(() -> runOrResume(turn, thread));
	}

	private void runOrResume(TurnInput turn, RunnableConfig thread) throws Exception {
		Optional<StateSnapshot<ConversationState>> last = graph.stateOf(thread);
		boolean sameMessage = last.flatMap(s -> s.state().<TurnInput>value("turn"))
			.map(previous -> previous.messageId() == turn.messageId())
			.orElse(false);
		if (sameMessage && END.equals(last.get().next())) {
			return;
		}
		if (sameMessage) {
			graph.invoke(GraphInput.resume(), thread);
			return;
		}
		graph.invoke(ConversationState.newTurn(turn), thread);
	}

	/** The latest state of a conversation, for the panel. */
	public Optional<ConversationState> latest(long conversationId) {
		return graph.stateOf(RunnableConfig.builder().threadId(Long.toString(conversationId)).build())
			.map(StateSnapshot::state);
	}

}
