/**
 * Admin panel (port 3001): server-rendered pages for MSI's staff, and the staff accounts that log in
 * to it and to the admin API. Nothing depends on this module.
 * <p>
 * Owns the {@code admin_users} table. Publishes no events.
 * <p>
 * Also owns {@code admin_access_log} (logins, failures, lockout) and the {@code simulator_ids} sequence of the
 * simulator, whose conversations live in {@link es.msia.bot.shared.SimulatedConversations}' id range. The access
 * log also records admin actions (account changes, GDPR export and erasure) with what they were done to.
 * GDPR erasure ({@code customers.CustomerErasure}) only orders the owning modules' own erase methods.
 * The simulator implements {@code cases.TrustedAttachmentSource}: files staff send as the simulated customer
 * are served to case intake from {@code /api/simulator/files/<token>} on the API port (short-lived, in memory).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Admin panel",
		allowedDependencies = { "shared", "platform", "messaging", "chatwoot", "customers", "webhook", "conversation",
				"handoff", "catalog", "cases", "knowledge", "notifications" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.admin;
