/**
 * The agent: turns each customer message into the reply, through a LangGraph4j graph
 * ({@code graph.ConversationGraph}) whose state is checkpointed in Redis per conversation. Understanding
 * ({@code understanding}) turns text into typed commands; the deterministic policy ({@code flow}) decides
 * the phase, the quote and the next question, and hands an accepted quote to {@code cases}, whose
 * collection flow drives the turns of phase {@code COLLECTING_CASE}; the composer ({@code reply}) writes Spanish; quotes given
 * are recorded in PostgreSQL ({@code conversation_quotes}).
 * <p>
 * Glossary: turn = one customer message and its reply; escalation = handoff to a person. Implements messaging's
 * {@link es.msia.bot.messaging.InboundMessageHandler}; replies go through the Chatwoot outbox with
 * idempotency keys derived from the message id. Follows delivered replies into the transcript and the
 * live feed.
 * <p>
 * Listens to {@link es.msia.bot.chatwoot.ReplyDelivered} and {@link es.msia.bot.cases.CaseSubmitted} (private note and
 * label {@code expediente} in Chatwoot).
 * <p>
 * {@link es.msia.bot.conversation.ConversationView} is the panel's read model (state, last quote, list, daily figures).
 * {@link es.msia.bot.conversation.ConversationErasure} forgets conversations' checkpoints (GDPR erasure).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation agent",
		allowedDependencies = { "shared", "messaging", "chatwoot", "customers", "catalog", "handoff", "knowledge",
				"cases" })
@org.jspecify.annotations.NullMarked
package es.msia.bot.conversation;
