package es.msia.bot.messaging;

import java.util.List;
import java.util.Map;

import es.msia.bot.messaging.redis.IncomingStream;
import es.msia.bot.messaging.redis.StreamMetrics;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Service;

/**
 * Read-only health of the incoming stream, for the panel's system page: how much work waits and what
 * ended in the dead-letter stream.
 */
@Service
public class StreamStatus {

	/** Numbers of the incoming stream. */
	public record Counts(long length, long pending, long deadLetters) {
	}

	private final StringRedisTemplate redis;

	private final MessagingSettings settings;

	private final IncomingStream stream;

	private final StreamMetrics metrics;

	StreamStatus(StringRedisTemplate redis, MessagingSettings settings, IncomingStream stream, StreamMetrics metrics) {
		this.metrics = metrics;
		this.redis = redis;
		this.settings = settings;
		this.stream = stream;
	}

	/** Stream length, entries read but not yet acknowledged by the agents (XPENDING), dead letters. */
	public Counts counts() {
		Long length = redis.opsForStream().size(settings.stream());
		Long dead = redis.opsForStream().size(settings.deadLetterStream());
		long pending = 0;
		if (length != null && length > 0) {
			try {
				PendingMessagesSummary summary = redis.opsForStream().pending(settings.stream(), settings.group());
				pending = summary == null ? 0 : summary.getTotalPendingMessages();
			}
			catch (RuntimeException ex) {
				// NOGROUP: no agent has created the consumer group yet, so nothing is pending.
				pending = 0;
			}
		}
		return new Counts(length == null ? 0 : length, pending, dead == null ? 0 : dead);
	}

	/**
	 * Age in seconds of the oldest customer message not yet acknowledged, delivered to an agent or not (the
	 * {@code msia_stream_lag_seconds} gauge); about one turn when healthy.
	 */
	public double lagSeconds() {
		return metrics.lagSeconds();
	}

	/** The newest dead letters (original id, payload, reason). */
	public List<Map<String, String>> deadLetters(int count) {
		return stream.deadLetters(count);
	}

}
