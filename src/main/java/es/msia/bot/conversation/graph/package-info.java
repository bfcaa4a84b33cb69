/**
 * Internal: the LangGraph4j side of the agent. {@link es.msia.bot.conversation.graph.RedisCheckpointSaver}
 * keeps each conversation's checkpoints (thread id = Chatwoot conversation id) in Redis through
 * messaging's {@link es.msia.bot.messaging.CheckpointStore}; the graph wiring, node and route classes
 * will live here too (see {@code docs/conversation-graph.md}).
 */
@NullMarked
package es.msia.bot.conversation.graph;

import org.jspecify.annotations.NullMarked;
