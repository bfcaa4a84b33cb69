package es.msia.bot.messaging.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import es.msia.bot.messaging.CheckpointSettings;
import es.msia.bot.messaging.CheckpointStore;
import es.msia.bot.messaging.StoredCheckpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.stereotype.Component;

/**
 * Checkpoints of a thread live under two keys sharing a hash tag (so they stay on one cluster slot): a
 * hash id → payload and a sorted set of ids scored by insertion sequence. Writes and multi-entry reads
 * are Lua scripts, so a reader never sees an id without its payload and the cap and TTL move together
 * with the write.
 */
@Component
class RedisCheckpointStore implements CheckpointStore {

	private static final String PREFIX = "msia:checkpoints:";

	// Read once into strings: a script built on a Resource checks the resource's last-modified time on
	// every call, which inside the jar opens a JarURLConnection, under a lock shared by all threads.
	private static final RedisScript<Long> PUT = RedisScript.of(script("checkpoint-put.lua"), Long.class);

	@SuppressWarnings("rawtypes")
	private static final RedisScript<List> NEWEST = RedisScript.of(script("checkpoint-newest.lua"), List.class);

	private static final RedisSerializer<byte[]> BYTES = RedisSerializer.byteArray();

	private final StringRedisTemplate redis;

	private final CheckpointSettings settings;

	RedisCheckpointStore(StringRedisTemplate redis, CheckpointSettings settings) {
		this.redis = redis;
		this.settings = settings;
	}

	@Override
	public void put(String threadId, String checkpointId, byte[] payload) {
		write(threadId, checkpointId, payload, "");
	}

	@Override
	public boolean replace(String threadId, String replacedId, String checkpointId, byte[] payload) {
		return write(threadId, checkpointId, payload, replacedId);
	}

	@Override
	public List<StoredCheckpoint> list(String threadId) {
		return newest(threadId, 0);
	}

	@Override
	public Optional<StoredCheckpoint> latest(String threadId) {
		return newest(threadId, 1).stream().findFirst();
	}

	@Override
	public Optional<StoredCheckpoint> get(String threadId, String checkpointId) {
		byte[] payload = redis.execute((RedisCallback<byte[]>) connection -> connection.hashCommands()
			.hGet(bytes(payloadsKey(threadId)), bytes(checkpointId)));
		return Optional.ofNullable(payload).map(found -> new StoredCheckpoint(checkpointId, found));
	}

	@Override
	public boolean clear(String threadId) {
		Long deleted = redis.delete(List.of(payloadsKey(threadId), orderKey(threadId)));
		return deleted != null && deleted > 0;
	}

	private boolean write(String threadId, String checkpointId, byte[] payload, String replacedId) {
		Long written = redis.execute(PUT, BYTES, rawResult(), keys(threadId), bytes(checkpointId),
				payload, bytes(Long.toString(settings.ttl().toMillis())),
				bytes(Integer.toString(settings.maxPerThread())), bytes(replacedId));
		return written != null && written == 1;
	}

	@SuppressWarnings("unchecked")
	private List<StoredCheckpoint> newest(String threadId, int count) {
		List<byte[]> flat = redis.execute(NEWEST, BYTES, rawResult(), keys(threadId), bytes(Integer.toString(count)));
		List<StoredCheckpoint> checkpoints = new ArrayList<>();
		for (int i = 0; flat != null && i + 1 < flat.size(); i += 2) {
			checkpoints.add(new StoredCheckpoint(new String(flat.get(i), StandardCharsets.UTF_8), flat.get(i + 1)));
		}
		return checkpoints;
	}

	/**
	 * Spring Data Redis passes integer replies through untouched and runs bulk replies (also each element
	 * of a multi-bulk) through the result serializer: with the byte-array one, payloads arrive as sent.
	 */
	@SuppressWarnings("unchecked")
	private static <T> RedisSerializer<T> rawResult() {
		return (RedisSerializer<T>) (RedisSerializer<?>) BYTES;
	}

	private static List<String> keys(String threadId) {
		return List.of(payloadsKey(threadId), orderKey(threadId));
	}

	static String payloadsKey(String threadId) {
		return PREFIX + "{" + threadId + "}:payloads";
	}

	static String orderKey(String threadId) {
		return PREFIX + "{" + threadId + "}:order";
	}

	private static String script(String name) {
		try (var in = new ClassPathResource("scripts/messaging/" + name).getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
