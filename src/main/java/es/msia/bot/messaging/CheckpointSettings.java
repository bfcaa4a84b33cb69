package es.msia.bot.messaging;

import java.time.Duration;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of conversation checkpoints in Redis. Checkpoints are a cache of where a conversation is in
 * the graph: business facts live in PostgreSQL, so losing an old thread to the TTL costs context, never
 * progress.
 *
 * @param maxPerThread checkpoints kept per thread; the graph writes one per node, so this bounds memory
 * while still keeping the last few turns for inspection
 * @param ttl how long a silent thread is kept; every write restarts the clock
 */
@ConfigurationProperties("msia.messaging.checkpoints")
@Validated
public record CheckpointSettings(@DefaultValue("20") @Positive int maxPerThread, @DefaultValue("30d") Duration ttl) {

	public CheckpointSettings {
		if (ttl.isNegative() || ttl.isZero()) {
			throw new IllegalArgumentException("msia.messaging.checkpoints.ttl must be positive");
		}
	}

}
