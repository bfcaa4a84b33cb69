/**
 * MSI's knowledge base: answers to frequent questions outside the quoting flow (turnaround, how to send
 * documents, the workshop certificate, ITV, urgent service, address and contact), stored in
 * PostgreSQL ({@code faq_entries}) and matched on the customer's words. The offline engine sends these
 * answers as stored; the LLM may rephrase the few entries given to it, under the conversation module's
 * guard.
 * <p>
 * Glossary: FAQ entry = one question with its answer and the keywords that find it.
 * <p>
 * Staff edit the entries in the panel through {@link es.msia.bot.knowledge.Faq} (create, update, delete);
 * entries are read on every message, so an edit applies to the next one.
 * <p>
 * Publishes and listens to no events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package es.msia.bot.knowledge;
