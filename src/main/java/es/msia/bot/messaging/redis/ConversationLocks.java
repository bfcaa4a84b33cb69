package es.msia.bot.messaging.redis;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import es.msia.bot.messaging.MessagingSettings;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * One conversation, one worker, across every agent replica: a Redis lock per conversation with a lease
 * (so a dead holder cannot block the conversation forever) and an owner token (so a slow holder whose
 * lease expired cannot release someone else's lock).
 */
@Component
class ConversationLocks {

	private static final RedisScript<Long> RELEASE = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
			Long.class);

	/** Extends the lease only while the lock is still ours: a holder whose lease lapsed cannot take it back. */
	private static final RedisScript<Long> RENEW = RedisScript.of(
			"if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
			Long.class);

	private final StringRedisTemplate redis;

	private final MessagingSettings settings;

	ConversationLocks(StringRedisTemplate redis, MessagingSettings settings) {
		this.redis = redis;
		this.settings = settings;
	}

	/** Waits up to {@code lockWait} for the conversation; empty if another worker still holds it. */
	Optional<String> acquire(long conversationId) throws InterruptedException {
		String token = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + settings.lockWait().toNanos();
		long pause = 10;
		do {
			Boolean ok = redis.opsForValue().setIfAbsent(key(conversationId), token, settings.lockLease());
			if (Boolean.TRUE.equals(ok)) {
				return Optional.of(token);
			}
			Thread.sleep(pause);
			pause = Math.min(pause * 2, 200);
		}
		while (System.nanoTime() < deadline);
		return Optional.empty();
	}

	void release(long conversationId, String token) {
		redis.execute(RELEASE, List.of(key(conversationId)), token);
	}

	/** Restarts the lease of a lock we hold; false when it expired and may belong to someone else now. */
	boolean renew(long conversationId, String token) {
		Long renewed = redis.execute(RENEW, List.of(key(conversationId)), token,
				Long.toString(settings.lockLease().toMillis()));
		return renewed != null && renewed == 1;
	}

	private static String key(long conversationId) {
		return "msia:lock:conversation:" + conversationId;
	}

}
