package es.msia.bot.messaging.redis;

import es.msia.bot.shared.LogMasks;
import es.msia.bot.messaging.InboundMessages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Re-appends inbound messages that were recorded but never reached the stream because the API died
 * between the two writes.
 */
@Component
@ConditionalOnBooleanProperty("msia.role.api")
class UnstreamedSweeper {

	private static final Logger log = LoggerFactory.getLogger(UnstreamedSweeper.class);

	private final InboundMessages inbound;

	UnstreamedSweeper(InboundMessages inbound) {
		this.inbound = inbound;
	}

	@Scheduled(fixedDelayString = "${msia.messaging.sweep-interval:30s}", initialDelayString = "30s")
	void sweep() {
		try {
			int repaired = inbound.appendUnstreamed();
			if (repaired > 0) {
				log.warn("Re-appended {} inbound messages that had not reached the stream", repaired);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Sweeping unstreamed messages failed: {}", LogMasks.text(ex.getMessage()));
		}
	}

}
