package es.msia.bot.handoff;

import java.time.Duration;
import java.time.Instant;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives human-owned conversations back to the bot after {@code HUMAN_IDLE_HOURS} without a human
 * message, so a customer is never left with nobody answering. Paused conversations stay paused.
 */
@Component
class IdleReturn {

	private final Handoffs handoffs;

	private final Duration idle;

	IdleReturn(Handoffs handoffs, HandoffSettings settings) {
		this.handoffs = handoffs;
		this.idle = Duration.ofHours(settings.humanIdleHours());
	}

	@Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
	void run() {
		returnIdle(Instant.now());
	}

	int returnIdle(Instant now) {
		return handoffs.returnIdle(now, idle);
	}

}
