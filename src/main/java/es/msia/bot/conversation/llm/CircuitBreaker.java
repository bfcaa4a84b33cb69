package es.msia.bot.conversation.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small circuit breaker: after {@code threshold} consecutive failed turns the LLM is skipped for
 * {@code cooldown}, so an outage costs no customer a 20-second wait; the first turn after the cooldown
 * tries again (half-open) and one success closes it.
 */
class CircuitBreaker {

	private final int threshold;

	private final Duration cooldown;

	private final Clock clock;

	private final AtomicInteger failures = new AtomicInteger();

	private final AtomicReference<Instant> openUntil = new AtomicReference<>(Instant.MIN);

	CircuitBreaker(int threshold, Duration cooldown, Clock clock) {
		this.threshold = threshold;
		this.cooldown = cooldown;
		this.clock = clock;
	}

	boolean allows() {
		return !clock.instant().isBefore(openUntil.get());
	}

	void success() {
		failures.set(0);
		openUntil.set(Instant.MIN);
	}

	/** @param longer for failures that will not heal soon (no credit): open at once */
	void failure(boolean longer) {
		if (longer || failures.incrementAndGet() >= threshold) {
			openUntil.set(clock.instant().plus(longer ? cooldown.multipliedBy(10) : cooldown));
			failures.set(0);
		}
	}

}
