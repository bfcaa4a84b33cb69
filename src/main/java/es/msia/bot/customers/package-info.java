/**
 * Customers: the people who write to MSI on WhatsApp, identified by phone. Owns the {@code customers}
 * table. The client type (particular/profesional) decides which tariff applies; it comes from MSI's
 * records, never from the customer's own words.
 * <p>
 * Glossary: customer = cliente; client type = tipo de cliente. Publishes no events. GDPR erasure deletes the
 * row ({@code Customers.erase}), after the other modules erased theirs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package es.msia.bot.customers;
