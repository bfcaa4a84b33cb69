package es.msia.bot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.handoff.jdbc.Escalations;
import es.msia.bot.handoff.jdbc.Owners;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Human handoff facade: escalates conversations to MSI's staff, says who owns each conversation, and
 * gives conversations back to the bot. The escalation and the ownership are committed first; the
 * Chatwoot side follows and is retried when Chatwoot fails, so a Chatwoot outage never loses an
 * escalation. The context note goes through the durable outbox.
 */
@Service
public class Handoffs {

	private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

	private final Escalations escalations;

	private final Owners owners;

	private final ChatwootOutbox outbox;

	private final HandoffNote note;

	private final HandoffSync sync;

	private final HandoffTexts texts;

	private final BusinessSchedule schedule;

	private final WaitTexts waitTexts;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ChatwootSide chatwoot;

	Handoffs(Escalations escalations, Owners owners, ChatwootOutbox outbox, HandoffNote note, HandoffSync sync,
			HandoffTexts texts, BusinessSchedule schedule, WaitTexts waitTexts, TransactionTemplate tx,
			ApplicationEventPublisher events, ChatwootSide chatwoot) {
		this.waitTexts = waitTexts;
		this.chatwoot = chatwoot;
		this.escalations = escalations;
		this.owners = owners;
		this.outbox = outbox;
		this.note = note;
		this.sync = sync;
		this.texts = texts;
		this.schedule = schedule;
		this.tx = tx;
		this.events = events;
		this.clock = Clock.systemUTC();
	}

	/**
	 * Escalates the conversation: escalation row, owner HUMAN, private note with the context pack,
	 * Chatwoot status {@code open}, {@code bot_enabled=false} and label {@code escalado}; publishes
	 * {@link HandoffStarted}. While an escalation of the conversation is open, returns that one and
	 * does nothing else. The customer's wait message is the caller's to send ({@link #waitMessage}).
	 */
	public HandoffStarted request(HandoffRequest request) {
		long conversationId = request.conversationId();
		Opened opened = tx.execute(status -> escalations.openNew(conversationId, request.reason(), request.contextPack())
			.map(created -> {
				owners.change(conversationId, Owner.HUMAN, "handoff:" + request.reason(), created.createdAt());
				outbox.enqueue(OutboundReply.note("handoff-note:" + created.id(), conversationId, note.compose(request)));
				return new Opened(started(created), true);
			})
			.orElseGet(() -> new Opened(started(escalations.findOpen(conversationId).orElseThrow()), false)));
		if (opened.isNew()) {
			log.info("Conversation {} escalated ({}), escalation {}", conversationId, request.reason(),
					opened.started().escalationId());
			events.publishEvent(opened.started());
			sync.firstAttempt(opened.started().escalationId(), conversationId);
		}
		return opened.started();
	}

	/** Who answers in the conversation; {@link Owner#BOT} unless a person took it or staff paused the bot. */
	public Owner ownerOf(long conversationId) {
		return owners.ownerOf(conversationId);
	}

	/**
	 * A message from a person in Chatwoot (outgoing, not private): they own the conversation from now on,
	 * and the bot stops answering. Our own messages echoed back by Chatwoot are recognised and ignored.
	 *
	 * @return true when a person spoke, false when the message was our own echo
	 */
	public boolean humanSpoke(long conversationId, long chatwootMessageId, @Nullable String content, Instant at) {
		if (outbox.isOurs(conversationId, chatwootMessageId, content)) {
			log.debug("Message {} of conversation {} is our own echo", chatwootMessageId, conversationId);
			return false;
		}
		Owner previous = tx.execute(
				status -> owners.humanSpoke(conversationId, "chatwoot:message:" + chatwootMessageId, at));
		if (previous != Owner.HUMAN) {
			log.info("Conversation {} taken over by a person (message {})", conversationId, chatwootMessageId);
		}
		return true;
	}

	/** Gives the conversation back to the bot and closes its open escalation; publishes {@link HandoffEnded} on a change. */
	public void returnToBot(long conversationId, String actor) {
		Instant now = clock.instant();
		Owner previous = tx.execute(status -> {
			escalations.resolveOpen(conversationId, actor);
			return owners.change(conversationId, Owner.BOT, actor, now);
		});
		if (previous != Owner.BOT) {
			log.info("Conversation {} back to the bot ({})", conversationId, actor);
			events.publishEvent(new HandoffEnded(conversationId, actor, now));
			ChatwootSide.Outcome outcome = chatwoot.enableBot(conversationId);
			if (!outcome.done()) {
				// The ownership change above is what silences or frees the bot; the attribute only mirrors it.
				log.warn("Conversation {}: could not set bot_enabled back to true: {}", conversationId, outcome.problems());
			}
		}
	}

	/** Pauses the bot in this conversation until it is given back. */
	public void pause(long conversationId, String actor) {
		tx.executeWithoutResult(status -> owners.change(conversationId, Owner.PAUSED, actor, clock.instant()));
	}

	/** The Spanish text telling the customer when a person will answer, from MSI's business hours. */
	public String waitMessage(Instant now) {
		return texts.waitMessage(schedule.hours(), waitTexts.current(), now);
	}

	/** How many escalations started in the last {@code days} days, per reason; every reason present. */
	public java.util.Map<HandoffReason, Long> countByReason(int days) {
		java.util.Map<HandoffReason, Long> counts = new java.util.EnumMap<>(HandoffReason.class);
		for (HandoffReason reason : HandoffReason.values()) {
			counts.put(reason, 0L);
		}
		escalations.countByReason(days).forEach((reason, n) -> counts.put(HandoffReason.valueOf(reason), n));
		return counts;
	}

	/** Escalations whose Chatwoot side (status, label, bot off) could not be applied, newest first. */
	public List<es.msia.bot.shared.RecentFailure> recentFailures(int limit) {
		return escalations.syncFailures(limit);
	}

	/** Open escalations, oldest first. */
	public List<EscalationView> pending() {
		return escalations.open();
	}

	/** Closes an escalation; with {@code returnToBot} the bot answers the conversation again. */
	public void resolve(long escalationId, String actor, boolean returnToBot) {
		EscalationView escalation = escalations.find(escalationId)
			.orElseThrow(() -> new IllegalArgumentException("No escalation " + escalationId));
		escalations.resolve(escalationId, actor);
		if (returnToBot) {
			returnToBot(escalation.conversationId(), actor);
		}
	}

	/**
	 * GDPR erasure: empties the context packs of the conversations' escalations (they quote the
	 * customer). The escalation rows stay, with reason and dates, as the record of the service given.
	 */
	public int erasePersonalData(java.util.Collection<Long> conversationIds) {
		return escalations.eraseContext(conversationIds);
	}

	/** Human-owned conversations with no human message for {@code idle} go back to the bot. */
	int returnIdle(Instant now, Duration idle) {
		List<Long> idleConversations = owners.humanIdleSince(now.minus(idle));
		idleConversations.forEach(id -> returnToBot(id, "idle"));
		return idleConversations.size();
	}

	private static HandoffStarted started(EscalationView escalation) {
		return new HandoffStarted(escalation.conversationId(), escalation.id(), escalation.reason(),
				escalation.createdAt());
	}

	private record Opened(HandoffStarted started, boolean isNew) {
	}

}
