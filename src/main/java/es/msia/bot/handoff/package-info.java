/**
 * Human handoff. Escalates a conversation to MSI's staff (Chatwoot status {@code open}, conversation
 * attribute {@code bot_enabled=false}, label {@code escalado}, a private note with the context pack),
 * tracks who owns each conversation (bot, human, paused) and gives it back to the bot. Also words the
 * customer's wait message from MSI's business hours.
 * <p>
 * Glossary: escalation = escalado; owner = quién atiende; business hours = horario de atención.
 * <p>
 * Owns the {@code escalations} and {@code conversation_owners} tables. Publishes
 * {@link es.msia.bot.handoff.HandoffStarted} and {@link es.msia.bot.handoff.HandoffEnded}. Listens to no
 * events.
 * <p>
 * {@link es.msia.bot.handoff.BusinessSchedule} (hours and holidays) and {@link es.msia.bot.handoff.WaitTexts}
 * (the customer's wait messages) are the panel's overrides in {@code settings} over the configured defaults,
 * read at every handoff. GDPR erasure empties escalation context packs ({@code Handoffs.erasePersonalData}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Human handoff",
		allowedDependencies = { "shared", "chatwoot", "messaging", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.handoff;
