package es.msia.bot.handoff;

import es.msia.bot.shared.LogMasks;
import java.time.Duration;

import es.msia.bot.handoff.jdbc.Escalations;
import es.msia.bot.handoff.jdbc.Escalations.Due;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies and retries the Chatwoot side of escalations. A run that hit only retryable problems (429,
 * 5xx, timeouts) is tried again with exponential backoff; one that hit a refusal (e.g. a bot token on
 * the labels endpoint: set {@code CHATWOOT_USER_API_TOKEN}) is marked failed and logged, since
 * retrying will not help. The escalation itself stays open either way.
 */
@Component
class HandoffSync {

	private static final Logger log = LoggerFactory.getLogger(HandoffSync.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(30);

	private static final Duration MAX_RETRY = Duration.ofMinutes(30);

	private final ChatwootSide chatwoot;

	private final Escalations escalations;

	private final HandoffSettings settings;

	HandoffSync(ChatwootSide chatwoot, Escalations escalations, HandoffSettings settings) {
		this.chatwoot = chatwoot;
		this.escalations = escalations;
		this.settings = settings;
	}

	void firstAttempt(long escalationId, long conversationId) {
		attempt(new Due(escalationId, conversationId, 0));
	}

	@Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
	void retryDue() {
		escalations.dueForSync(20).forEach(this::attempt);
	}

	private void attempt(Due due) {
		ChatwootSide.Outcome outcome;
		try {
			outcome = chatwoot.escalate(due.conversationId());
		}
		catch (RuntimeException ex) {
			outcome = new ChatwootSide.Outcome(false, true, "unexpected: " + ex.getMessage());
		}
		int attempt = due.attempts() + 1;
		if (outcome.done()) {
			escalations.recordSync(due.id(), "done", "", Duration.ZERO);
		}
		else if (outcome.retryable() && attempt < settings.syncMaxAttempts()) {
			Duration wait = backoff(attempt);
			log.warn("Escalation {} (conversation {}): Chatwoot not updated yet ({}); retry in {}", due.id(),
					due.conversationId(), LogMasks.text(outcome.problems()), wait);
			escalations.recordSync(due.id(), "retry", outcome.problems(), wait);
		}
		else {
			log.error("Escalation {} (conversation {}): Chatwoot could not be updated, staff must check it: {}",
					due.id(), due.conversationId(), LogMasks.text(outcome.problems()));
			escalations.recordSync(due.id(), "failed", outcome.problems(), Duration.ZERO);
		}
	}

	static Duration backoff(int attempt) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 10));
		return wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait;
	}

}
