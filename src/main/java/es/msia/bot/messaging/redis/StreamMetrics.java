package es.msia.bot.messaging.redis;

import java.util.function.ToDoubleFunction;

import es.msia.bot.messaging.MessagingSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessagesSummary;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamInfo.XInfoGroup;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Backlog of the incoming stream, read from Redis at each scrape: entries delivered to an agent but not
 * acknowledged yet ({@code msia_stream_pending_entries}) and the age of the oldest customer message not yet
 * acknowledged, delivered or not ({@code msia_stream_lag_seconds}): the number to alert on, since a
 * healthy system keeps it at about one turn. Redis unreachable gives NaN, not an error.
 */
@Component
public class StreamMetrics implements MeterBinder {

	private final StringRedisTemplate redis;

	private final MessagingSettings settings;

	StreamMetrics(StringRedisTemplate redis, MessagingSettings settings) {
		this.redis = redis;
		this.settings = settings;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("msia.stream.pending.entries", this, safely(StreamMetrics::pending))
			.description("Incoming entries read by an agent and not yet acknowledged")
			.register(registry);
		Gauge.builder("msia.stream.lag", this, safely(StreamMetrics::lagSeconds))
			.description("Age of the oldest incoming entry not yet acknowledged")
			.baseUnit("seconds")
			.register(registry);
	}

	private static ToDoubleFunction<StreamMetrics> safely(ToDoubleFunction<StreamMetrics> read) {
		return metrics -> {
			try {
				return read.applyAsDouble(metrics);
			}
			catch (RuntimeException ex) {
				return Double.NaN;
			}
		};
	}

	private double pending() {
		PendingMessagesSummary summary = summary();
		return summary == null ? 0 : summary.getTotalPendingMessages();
	}

	/** Seconds since the oldest customer message not yet acknowledged arrived (0 when none waits). */
	public double lagSeconds() {
		long oldest = Long.MAX_VALUE;
		PendingMessagesSummary summary = summary();
		if (summary != null && summary.getTotalPendingMessages() > 0) {
			oldest = RecordId.of(summary.minMessageId()).getTimestamp();
		}
		String lastDelivered = lastDeliveredId();
		if (lastDelivered != null) {
			var next = redis.opsForStream().range(settings.stream(),
					Range.rightUnbounded(Range.Bound.exclusive(lastDelivered)), Limit.limit().count(1));
			if (next != null && !next.isEmpty()) {
				MapRecord<String, Object, Object> first = next.get(0);
				oldest = Math.min(oldest, first.getId().getTimestamp());
			}
		}
		return oldest == Long.MAX_VALUE ? 0 : Math.max(0, System.currentTimeMillis() - oldest) / 1000.0;
	}

	private PendingMessagesSummary summary() {
		if (!Boolean.TRUE.equals(redis.hasKey(settings.stream()))) {
			return null;
		}
		return redis.opsForStream().pending(settings.stream(), settings.group());
	}

	private String lastDeliveredId() {
		if (!Boolean.TRUE.equals(redis.hasKey(settings.stream()))) {
			return null;
		}
		for (XInfoGroup group : redis.opsForStream().groups(settings.stream())) {
			if (settings.group().equals(group.groupName())) {
				return group.lastDeliveredId();
			}
		}
		return null;
	}

}
