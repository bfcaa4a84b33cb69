package es.msia.bot.messaging;

import java.util.List;
import java.util.Optional;

/**
 * Serialized conversation checkpoints per thread, kept in Redis so that any agent replica (or the same
 * one after a restart) resumes a conversation where it stopped. Messaging owns the storage and knows
 * nothing about the format; the conversation module's LangGraph4j saver sits on top.
 * <p>
 * Per thread, checkpoints are ordered by insertion. Each write is atomic, refreshes the thread's TTL and
 * drops the oldest checkpoints beyond {@link CheckpointSettings#maxPerThread()}. Retention is set by
 * {@link CheckpointSettings} ({@code msia.messaging.checkpoints.*}).
 */
public interface CheckpointStore {

	/**
	 * Stores a checkpoint. A new id becomes the thread's newest checkpoint; an id already stored keeps
	 * its place in the order and gets the new payload.
	 */
	void put(String threadId, String checkpointId, byte[] payload);

	/**
	 * Replaces the checkpoint {@code replacedId} by {@code checkpointId} at the same place in the order.
	 * @return false, and nothing written, when {@code replacedId} is not stored
	 */
	boolean replace(String threadId, String replacedId, String checkpointId, byte[] payload);

	/** The thread's checkpoints, newest first; empty for an unknown or expired thread. */
	List<StoredCheckpoint> list(String threadId);

	/** The thread's newest checkpoint. */
	Optional<StoredCheckpoint> latest(String threadId);

	/** One checkpoint of the thread, if still kept. */
	Optional<StoredCheckpoint> get(String threadId, String checkpointId);

	/**
	 * Forgets the thread.
	 * @return whether anything was stored
	 */
	boolean clear(String threadId);

}
