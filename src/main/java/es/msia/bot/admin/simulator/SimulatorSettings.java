package es.msia.bot.admin.simulator;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulator's file hand-over ({@code msia.simulator.*}).
 *
 * @param maxFileBytes largest file staff may send; 5 MB is WhatsApp's own limit for images and also the
 * panel's multipart limit ({@code spring.servlet.multipart.max-file-size}), which refuses larger bodies first
 * @param fileLifetime how long a sent file's link answers: long enough for the agent to fetch it after the
 * burst window and a retry, short enough that a leaked link is soon worthless
 * @param heldFiles most files held at once (the oldest goes first), so memory stays bounded
 */
@ConfigurationProperties("msia.simulator")
record SimulatorSettings(@DefaultValue("5242880") long maxFileBytes, @DefaultValue("15m") Duration fileLifetime,
		@DefaultValue("40") int heldFiles) {
}
