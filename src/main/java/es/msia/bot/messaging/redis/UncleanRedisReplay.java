package es.msia.bot.messaging.redis;

import es.msia.bot.messaging.InboundMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After the embedded Redis died without stopping (power cut, OS crash), its append-only file, fsynced
 * once a second, may lack the last stream entries while PostgreSQL already marks their messages as
 * streamed: neither the sweeper (unstreamed rows only) nor the lost-group repair (the group survived)
 * would append them again. So every unanswered message of the last day is appended once at start-up; one
 * already in the stream or answered meanwhile costs a lookup, never a second reply.
 */
@Component
@ConditionalOnBooleanProperty("msia.embedded.redis-died-uncleanly")
class UncleanRedisReplay {

	private static final Logger log = LoggerFactory.getLogger(UncleanRedisReplay.class);

	private final InboundMessages inbound;

	UncleanRedisReplay(InboundMessages inbound) {
		this.inbound = inbound;
	}

	@EventListener(ApplicationReadyEvent.class)
	void replay() {
		int appended = inbound.appendUnanswered();
		log.warn("Embedded Redis had not stopped cleanly: {} unanswered messages appended again from PostgreSQL",
				appended);
	}

}
