/**
 * Cases (expedientes): what a customer sends MSI after accepting a quote, collected step by step in the
 * chat and handed to staff complete and validated. Owns the tables {@code cases}, {@code case_files} and
 * {@code case_events}. The case state in PostgreSQL is the source of truth; a conversation checkpoint
 * only caches it.
 * <p>
 * API: {@link es.msia.bot.cases.CaseManagement} (open, receive a customer message, submit, cancel, staff
 * status changes), {@link es.msia.bot.cases.CaseView} (read model), self-validating value objects
 * ({@link es.msia.bot.cases.Nif}, {@link es.msia.bot.cases.Plate}, {@link es.msia.bot.cases.PostalCode}...).
 * Publishes {@link es.msia.bot.cases.CaseOpened}, {@link es.msia.bot.cases.CaseSubmitted},
 * {@link es.msia.bot.cases.CaseCancelled}, and for the customer's notices {@link es.msia.bot.cases.CaseStatusChanged}
 * (staff's status changes), {@link es.msia.bot.cases.CaseMilestoneReached} ({@link es.msia.bot.cases.CaseMilestones}:
 * staff's steps within in progress), {@link es.msia.bot.cases.CaseFileRejected} and
 * {@link es.msia.bot.cases.CaseReminderDue}. {@link es.msia.bot.cases.CaseTimeline} lets other modules add to a
 * case's timeline. SPI: {@link es.msia.bot.cases.TrustedAttachmentSource}, implemented by the panel's simulator so
 * that the files staff send as a customer are downloaded like Chatwoot's. GDPR: {@code CaseManagement.erasePersonalData} keeps only the case
 * shell (reference, dates, status, tier and price, catalogue version, quoted items) and deletes the files.
 * <p>
 * Glossary: case = expediente; item = elemento o variante a legalizar; workshop certificate = certificado de
 * taller; base documents = documentación obligatoria (ficha técnica, permiso de circulación...).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cases",
		allowedDependencies = { "shared", "catalog", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.cases;
