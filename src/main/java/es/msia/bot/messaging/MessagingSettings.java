package es.msia.bot.messaging;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Stream and consumer tuning.
 *
 * @param stream the Redis Stream customers' messages are appended to
 * @param group the consumer group all agents share
 * @param maxLength approximate MAXLEN: the transcript lives in PostgreSQL, the stream only needs a backlog
 * @param block how long one XREADGROUP waits for new entries
 * @param maxInFlight entries being handled at once by this process, one thread each; reading pauses above it
 * @param reclaimIdle how long an entry may stay unacknowledged before another agent takes it over; must
 * exceed the slowest turn (LLM calls included), or a slow turn is handled twice (harmless, but wasteful)
 * @param maxDeliveries attempts before an entry goes to the dead-letter stream
 * @param lockLease how long the per-conversation lock outlives a holder that died; a live holder renews it every
 * third of the lease, so a turn may take longer
 * @param lockWait how long a turn waits for another agent to finish the same conversation
 * @param burstWindow quiet time that ends a burst of customer messages ({@code MESSAGE_BATCH_WINDOW_SECONDS},
 * plain numbers are seconds; 0 switches merging off)
 * @param burstCap the longest a burst may keep a turn waiting
 */
@ConfigurationProperties("msia.messaging")
public record MessagingSettings(@DefaultValue("incoming_messages") String stream, @DefaultValue("agents") String group,
		@DefaultValue("100000") long maxLength, @DefaultValue("2s") Duration block, @DefaultValue("16") int batchSize,
		@DefaultValue("512") int maxInFlight, @DefaultValue("60s") Duration reclaimIdle,
		@DefaultValue("5s") Duration reclaimInterval, @DefaultValue("5") int maxDeliveries,
		@DefaultValue("30s") Duration lockLease, @DefaultValue("30s") Duration lockWait,
		@DefaultValue("outgoing_messages") String outgoingChannel,
		@DefaultValue("incoming_events") String incomingChannel,
		@DefaultValue("3") @DurationUnit(ChronoUnit.SECONDS) Duration burstWindow,
		@DefaultValue("10s") Duration burstCap) {

	/** The dead-letter stream next to the main one. */
	public String deadLetterStream() {
		return stream + ":dead";
	}

}
