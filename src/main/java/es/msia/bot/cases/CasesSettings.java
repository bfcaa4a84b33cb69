package es.msia.bot.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Case collection settings ({@code msia.cases.*}).
 *
 * @param storageDir {@code MSIA_STORAGE_DIR}: where files are stored, content-addressed by SHA-256
 * @param chatwootApiUrl {@code CHATWOOT_API_URL}: its host may serve attachments
 * @param storageDomain {@code CHATWOOT_STORAGE_DOMAIN}: the other host allowed to serve attachments
 * (e.g. the S3 bucket Chatwoot redirects to)
 * @param maxFileBytes largest file accepted
 * @param maxRedirects redirects followed per download
 * @param reminderHours {@code CASE_REMINDER_HOURS}: silence before the one reminder
 * @param abandonDays {@code CASE_ABANDON_DAYS}: silence before a collecting case is abandoned
 */
@ConfigurationProperties("msia.cases")
record CasesSettings(@DefaultValue("./data/files") String storageDir, @DefaultValue("") String chatwootApiUrl,
		@DefaultValue("") String storageDomain, @DefaultValue("15728640") long maxFileBytes,
		@DefaultValue("5") int maxRedirects, @DefaultValue("20") int reminderHours, @DefaultValue("14") int abandonDays) {
}
