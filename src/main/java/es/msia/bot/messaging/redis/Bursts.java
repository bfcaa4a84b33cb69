package es.msia.bot.messaging.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import es.msia.bot.messaging.BurstWindow;
import es.msia.bot.messaging.InboundAttachment;
import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.MessagingSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp customers split one thought into several messages ("hola" / "tengo una moto" / "le he
 * cambiado el escape"). Before a turn runs, this waits until the conversation has been quiet for the
 * burst window (stretched while messages keep coming, capped), then merges every unanswered message of
 * the conversation into one turn, so the customer gets one reply per burst. PostgreSQL is the source of
 * truth, so a burst split across agent replicas is still merged: the messages taken into a turn are
 * marked processed and their own stream entries are then acknowledged without a second reply.
 */
@Component
class Bursts {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MessagingSettings settings;

	private final BurstWindow burstWindow;

	Bursts(JdbcClient jdbc, JsonMapper json, MessagingSettings settings, BurstWindow burstWindow) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
		this.burstWindow = burstWindow;
	}

	/** A burst: the merged turn and the ids of the messages it answers. */
	record Burst(InboundMessage turn, List<Long> messageIds) {
	}

	/** Waits for the quiet window, then returns the conversation's unanswered messages as one turn. */
	Burst collect(InboundMessage trigger) throws InterruptedException {
		Duration window = burstWindow.current();
		if (window.isZero()) {
			return new Burst(trigger, List.of(trigger.messageId()));
		}
		Instant deadline = Instant.now().plus(settings.burstCap());
		Instant quietAt = lastArrival(trigger.conversationId()).plus(window);
		while (Instant.now().isBefore(quietAt) && Instant.now().isBefore(deadline)) {
			Thread.sleep(Math.max(10, Duration.between(Instant.now(), min(quietAt, deadline)).toMillis()));
			quietAt = lastArrival(trigger.conversationId()).plus(window);
		}
		List<InboundMessage> unanswered = unanswered(trigger.conversationId());
		if (unanswered.size() <= 1) {
			return new Burst(trigger, List.of(trigger.messageId()));
		}
		return new Burst(merge(unanswered), unanswered.stream().map(InboundMessage::messageId).toList());
	}

	/** One turn: the texts in order, all attachments, the newest message's id as the turn's key. */
	static InboundMessage merge(List<InboundMessage> messages) {
		InboundMessage last = messages.get(messages.size() - 1);
		List<String> texts = new ArrayList<>();
		List<InboundAttachment> attachments = new ArrayList<>();
		for (InboundMessage message : messages) {
			if (!message.text().isBlank()) {
				texts.add(message.text().strip());
			}
			attachments.addAll(message.attachments());
		}
		return new InboundMessage(last.messageId(), last.conversationId(), last.customerId(), last.phone(),
				last.senderName(), String.join("\n", texts), attachments, last.conversationStatus(), last.accountId(),
				last.inboxId(), last.receivedAt(), last.canReply());
	}

	private Instant lastArrival(long conversationId) {
		return jdbc.sql("""
				SELECT max(created_at) FROM messages
				WHERE conversation_id = :c AND direction = 'inbound' AND processed_at IS NULL""")
			.param("c", conversationId)
			.query(java.sql.Timestamp.class)
			.optional()
			.map(java.sql.Timestamp::toInstant)
			.orElse(Instant.EPOCH);
	}

	private List<InboundMessage> unanswered(long conversationId) {
		return jdbc.sql("""
				SELECT payload::text FROM messages
				WHERE conversation_id = :c AND direction = 'inbound' AND processed_at IS NULL AND payload IS NOT NULL
				ORDER BY id""")
			.param("c", conversationId)
			.query(String.class)
			.list()
			.stream()
			.map(payload -> json.readValue(payload, InboundMessage.class))
			.toList();
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
