/**
 * Messaging: the seam between the API and agent roles. Inbound customer messages are recorded in
 * PostgreSQL (the transcript, de-duplicated by Chatwoot message id) and appended to the Redis Stream
 * {@code incoming_messages}; agents consume it through a consumer group, one conversation at a time
 * across all replicas, reclaiming entries a dead agent left pending and dead-lettering entries that
 * keep failing. Replies and inbound events are published on Redis Pub/Sub for live views.
 * <p>
 * Also keeps the conversation graph's serialized checkpoints per thread in Redis
 * ({@link es.msia.bot.messaging.CheckpointStore}, keys {@code msia:checkpoints:*}, capped and expiring per
 * {@link es.msia.bot.messaging.CheckpointSettings}); the format belongs to the conversation module.
 * <p>
 * SPI: {@link es.msia.bot.messaging.InboundMessageHandler}, implemented by the conversation module.
 * Owns the {@code conversations} and {@code messages} tables. Publishes no application events.
 * <p>
 * {@link es.msia.bot.messaging.StreamStatus} gives the panel the stream backlog and dead letters (read-only).
 * {@link es.msia.bot.messaging.BurstWindow} is the burst window in force (panel override in {@code settings} over
 * {@code MESSAGE_BATCH_WINDOW_SECONDS}). GDPR erasure: {@link es.msia.bot.messaging.Transcript#erase} deletes
 * the transcripts and the conversations' stream and dead-letter entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Messaging (Redis Streams)",
		allowedDependencies = { "shared", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.messaging;
