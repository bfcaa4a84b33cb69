package es.msia.bot.handoff;

import java.time.DayOfWeek;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Handoff tuning and MSI's business hours ({@code msia.handoff.*}).
 *
 * @param humanIdleHours {@code HUMAN_IDLE_HOURS}: a human-owned conversation with no human message for
 * this long goes back to the bot
 * @param zone time zone of the business hours
 * @param days working days
 * @param hours opening slots of a working day, {@code HH:mm-HH:mm}, in order
 * @param holidays closed dates, {@code yyyy-MM-dd} (national, regional and local holidays)
 * @param syncMaxAttempts attempts at the Chatwoot side of an escalation before it is left for a person
 */
@ConfigurationProperties("msia.handoff")
record HandoffSettings(@DefaultValue("12") int humanIdleHours, @DefaultValue("Europe/Madrid") String zone,
		@DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) List<DayOfWeek> days,
		@DefaultValue({ "09:00-14:00", "16:00-19:00" }) List<String> hours, @DefaultValue List<String> holidays,
		@DefaultValue("10") int syncMaxAttempts) {
}
