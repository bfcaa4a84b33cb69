package es.msia.bot.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointStoreIT extends IntegrationTest {

	@Autowired
	CheckpointStore store;

	@Autowired
	CheckpointSettings settings;

	@Autowired
	StringRedisTemplate redis;

	@Test
	void listsCheckpointsNewestFirst() {
		String thread = thread();
		store.put(thread, "a", bytes("first"));
		store.put(thread, "b", bytes("second"));
		store.put(thread, "c", bytes("third"));

		assertThat(ids(store.list(thread))).containsExactly("c", "b", "a");
		assertThat(store.latest(thread)).hasValueSatisfying(latest -> assertThat(text(latest)).isEqualTo("third"));
		assertThat(store.get(thread, "b")).hasValueSatisfying(found -> assertThat(text(found)).isEqualTo("second"));
		assertThat(store.get(thread, "zzz")).isEmpty();
	}

	@Test
	void rewritesAKnownIdWithoutMovingIt() {
		String thread = thread();
		store.put(thread, "a", bytes("first"));
		store.put(thread, "b", bytes("second"));
		store.put(thread, "a", bytes("first, corrected"));

		assertThat(ids(store.list(thread))).containsExactly("b", "a");
		assertThat(text(store.get(thread, "a").orElseThrow())).isEqualTo("first, corrected");
	}

	@Test
	void replacesACheckpointInItsPlace() {
		String thread = thread();
		store.put(thread, "a", bytes("first"));
		store.put(thread, "b", bytes("second"));

		assertThat(store.replace(thread, "a", "a2", bytes("branch"))).isTrue();

		assertThat(ids(store.list(thread))).containsExactly("b", "a2");
		assertThat(store.get(thread, "a")).isEmpty();
		assertThat(store.replace(thread, "missing", "x", bytes("nothing"))).isFalse();
		assertThat(ids(store.list(thread))).containsExactly("b", "a2");
	}

	@Test
	void keepsAtMostTheConfiguredNumberPerThread() {
		String thread = thread();
		int max = settings.maxPerThread();
		for (int i = 1; i <= max + 5; i++) {
			store.put(thread, "cp-" + i, bytes("state " + i));
		}

		List<StoredCheckpoint> kept = store.list(thread);
		assertThat(kept).hasSize(max);
		assertThat(kept.get(0).id()).isEqualTo("cp-" + (max + 5));
		assertThat(kept.get(max - 1).id()).isEqualTo("cp-6");
		assertThat(store.get(thread, "cp-5")).isEmpty();
		assertThat(redis.opsForHash().size(payloadsKey(thread))).isEqualTo(max);
	}

	@Test
	void expiresSilentThreadsAndRestartsTheClockOnEveryWrite() {
		String thread = thread();
		store.put(thread, "a", bytes("first"));
		assertTtlCloseToConfigured(thread);

		redis.expire(payloadsKey(thread), Duration.ofSeconds(5));
		redis.expire(orderKey(thread), Duration.ofSeconds(5));
		store.put(thread, "b", bytes("second"));

		assertTtlCloseToConfigured(thread);
	}

	@Test
	void keepsThreadsApart() {
		String one = thread();
		String other = thread();
		store.put(one, "a", bytes("one"));
		store.put(other, "a", bytes("other"));

		assertThat(text(store.latest(one).orElseThrow())).isEqualTo("one");
		assertThat(text(store.latest(other).orElseThrow())).isEqualTo("other");
		store.clear(one);
		assertThat(store.list(other)).hasSize(1);
	}

	@Test
	void clearForgetsTheThread() {
		String thread = thread();
		store.put(thread, "a", bytes("first"));

		assertThat(store.clear(thread)).isTrue();

		assertThat(store.list(thread)).isEmpty();
		assertThat(store.latest(thread)).isEmpty();
		assertThat(redis.hasKey(payloadsKey(thread))).isFalse();
		assertThat(redis.hasKey(orderKey(thread))).isFalse();
		assertThat(store.clear(thread)).isFalse();
	}

	@Test
	void keepsBinaryPayloadsByteForByte() {
		String thread = thread();
		byte[] payload = new byte[256];
		for (int i = 0; i < payload.length; i++) {
			payload[i] = (byte) i;
		}
		store.put(thread, "bin", payload);

		assertThat(store.get(thread, "bin").orElseThrow().payload()).isEqualTo(payload);
		assertThat(store.list(thread).get(0).payload()).isEqualTo(payload);
	}

	private void assertTtlCloseToConfigured(String thread) {
		long configured = settings.ttl().toSeconds();
		for (String key : List.of(payloadsKey(thread), orderKey(thread))) {
			assertThat(redis.getExpire(key, TimeUnit.SECONDS)).isBetween(configured - 60, configured);
		}
	}

	/** The layout is part of the contract with operations (keys are inspected and purged by prefix). */
	private static String payloadsKey(String thread) {
		return "msia:checkpoints:{" + thread + "}:payloads";
	}

	private static String orderKey(String thread) {
		return "msia:checkpoints:{" + thread + "}:order";
	}

	private static String thread() {
		return "it-" + nextId();
	}

	private static List<String> ids(List<StoredCheckpoint> checkpoints) {
		return checkpoints.stream().map(StoredCheckpoint::id).toList();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(StoredCheckpoint checkpoint) {
		return new String(checkpoint.payload(), StandardCharsets.UTF_8);
	}

}
