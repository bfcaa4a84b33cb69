package es.msia.bot.conversation.graph;

import java.util.Collection;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Predicate;

import es.msia.bot.messaging.CheckpointStore;
import es.msia.bot.messaging.StoredCheckpoint;
import org.bsc.langgraph4j.RunnableConfig;
import org.bsc.langgraph4j.checkpoint.BaseCheckpointSaver;
import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.StateSerializer;
import org.jspecify.annotations.Nullable;

/**
 * LangGraph4j's checkpoint saver on messaging's Redis {@link CheckpointStore}: the thread id is the
 * conversation, so any replica, or this one after a restart, resumes the conversation from its newest
 * checkpoint.
 * <p>
 * Unlike {@code MemorySaver} (via {@code AbstractCheckpointSaver}) it loads nothing into memory and holds
 * no JVM lock: every call is one atomic Redis operation, and turns of one conversation are already
 * serialized across replicas by messaging's conversation lock. Checkpoints are written as JSON by the
 * graph's {@link CheckpointSchema}; the graph's own Java serializer ({@code stateGraph.getStateSerializer()})
 * is only needed to read the checkpoints earlier releases wrote.
 */
public final class RedisCheckpointSaver implements BaseCheckpointSaver {

	private final CheckpointStore store;

	private final CheckpointCodec codec;

	private final Predicate<Checkpoint> kept;

	/** Set on a Java thread inside {@link #readingNewestOnce}: the newest checkpoint read there, if any. */
	private final ThreadLocal<NewestRead> newestRead = new ThreadLocal<>();

	private static final class NewestRead {

		@Nullable String threadId;

		Optional<Checkpoint> checkpoint = Optional.empty();

	}

	/** Work that may throw, as a graph run does. */
	public interface Work {

		void run() throws Exception;

	}

	/** Keeps every checkpoint the graph puts. */
	public RedisCheckpointSaver(CheckpointStore store, CheckpointSchema schema, @Nullable StateSerializer<?> legacy) {
		this(store, schema, legacy, checkpoint -> true);
	}

	/**
	 * Keeps only the new checkpoints {@code kept} accepts; the others are dropped unencoded. A graph whose
	 * cheap, side-effect-free nodes would simply run again after a crash need not pay a serialization and
	 * a Redis write for each of them.
	 *
	 * @param legacy the Java serializer FORMAT-1 checkpoints were written with, or null if there are none
	 */
	public RedisCheckpointSaver(CheckpointStore store, CheckpointSchema schema, @Nullable StateSerializer<?> legacy,
			Predicate<Checkpoint> kept) {
		this.store = store;
		this.codec = new CheckpointCodec(schema, legacy);
		this.kept = kept;
	}

	/** Newest first, as the graph's {@code getStateHistory} and {@code lastStateOf} expect. */
	@Override
	public Collection<Checkpoint> list(RunnableConfig config) {
		return decode(store.list(threadId(config)));
	}

	/**
	 * Runs {@code work} (on this Java thread) reading each graph thread's newest checkpoint from Redis at
	 * most once until the next put: a turn asks for it twice, once to see whether its message was already
	 * handled and once more when the graph starts. Only for a caller that holds the conversation (no other
	 * writer meanwhile), as a turn does under messaging's conversation lock.
	 */
	public void readingNewestOnce(Work work) throws Exception {
		newestRead.set(new NewestRead());
		try {
			work.run();
		}
		finally {
			newestRead.remove();
		}
	}

	/** The checkpoint named by the config's checkpoint id, else the thread's newest. */
	@Override
	public Optional<Checkpoint> get(RunnableConfig config) {
		String threadId = threadId(config);
		if (config.checkPointId().isPresent()) {
			return store.get(threadId, config.checkPointId().get()).map(found -> codec.decode(found.payload()));
		}
		NewestRead read = newestRead.get();
		if (read != null && threadId.equals(read.threadId)) {
			return read.checkpoint;
		}
		Optional<Checkpoint> newest = store.latest(threadId).map(found -> codec.decode(found.payload()));
		if (read != null) {
			read.threadId = threadId;
			read.checkpoint = newest;
		}
		return newest;
	}

	/** A write or a release makes the remembered newest checkpoint stale. */
	private void forgetNewest() {
		NewestRead read = newestRead.get();
		if (read != null) {
			read.threadId = null;
			read.checkpoint = Optional.empty();
		}
	}

	/**
	 * With a checkpoint id in the config, replaces that checkpoint in place (what {@code updateState} on a
	 * past checkpoint asks for) and returns the config unchanged; otherwise adds the checkpoint as the
	 * newest and returns the config pointing at it. Same contract as {@code AbstractCheckpointSaver}.
	 */
	@Override
	public RunnableConfig put(RunnableConfig config, Checkpoint checkpoint) {
		if (config.checkPointId().isEmpty() && !kept.test(checkpoint)) {
			return config;
		}
		String threadId = threadId(config);
		forgetNewest();
		byte[] payload = codec.encode(checkpoint);
		if (config.checkPointId().isPresent()) {
			String replaced = config.checkPointId().get();
			if (!store.replace(threadId, replaced, checkpoint.getId(), payload)) {
				throw new NoSuchElementException("Checkpoint with id " + replaced + " not found!");
			}
			return config;
		}
		store.put(threadId, checkpoint.getId(), payload);
		return RunnableConfig.builder(config).checkPointId(checkpoint.getId()).build();
	}

	/** Forgets the thread, returning what it held (the graph calls this at the end when compiled with releaseThread). */
	@Override
	public Tag release(RunnableConfig config) {
		String threadId = threadId(config);
		forgetNewest();
		List<Checkpoint> released = decode(store.list(threadId));
		store.clear(threadId);
		return new Tag(threadId, released);
	}

	private List<Checkpoint> decode(List<StoredCheckpoint> stored) {
		return stored.stream().map(checkpoint -> codec.decode(checkpoint.payload())).toList();
	}

}
