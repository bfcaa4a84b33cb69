package es.msia.bot.handoff;

import java.time.Instant;

import es.msia.bot.chatwoot.DeliveryGate;
import es.msia.bot.handoff.jdbc.Owners;
import org.springframework.stereotype.Component;

/**
 * The last ownership check before a reply leaves: a reply the bot wrote before a person took over (or
 * staff paused the bot) is dropped. Replies written after the change are let through, because only a
 * deliberate caller writes them then (the wait message that follows a handoff).
 */
@Component
class OwnerGate implements DeliveryGate {

	private final Owners owners;

	OwnerGate(Owners owners) {
		this.owners = owners;
	}

	@Override
	public boolean mayDeliver(long conversationId, Instant enqueuedAt) {
		return owners.ownedByBotOrChangedBefore(conversationId, enqueuedAt);
	}

}
