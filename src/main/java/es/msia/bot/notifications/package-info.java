/**
 * Notifications: the messages MSI starts on its own about a case (a rejected file and the request for a
 * new one, the case's progress through review, project and ITV, its end, the reminder of a case left
 * half-way). Each goes once per case and purpose (idempotency key {@code case-notice:<case>:<purpose>}),
 * through the Chatwoot outbox, as plain text while WhatsApp's 24-hour window is open and as the approved
 * template after it; each is recorded on the case's timeline, and so is WhatsApp refusing it.
 * <p>
 * Owns the {@code notification_templates} table, the template registry staff edit in Ajustes
 * ({@link es.msia.bot.notifications.NoticeTemplates}). Listens to {@link es.msia.bot.cases.CaseFileRejected},
 * {@link es.msia.bot.cases.CaseStatusChanged}, {@link es.msia.bot.cases.CaseMilestoneReached},
 * {@link es.msia.bot.cases.CaseReminderDue} and {@link es.msia.bot.chatwoot.ReplyRefused}. Publishes nothing.
 * <p>
 * Glossary: notice = aviso al cliente; purpose = motivo del aviso; window = ventana de 24 h de WhatsApp;
 * template = plantilla aprobada de WhatsApp.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer notifications",
		allowedDependencies = { "shared", "cases", "chatwoot", "customers" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.notifications;
