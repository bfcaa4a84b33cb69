package es.msia.bot.admin.customers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import es.msia.bot.admin.security.AccessLog;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.conversation.ConversationErasure;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.Transcript;
import org.springframework.stereotype.Component;

/**
 * GDPR erasure (art. 17) of one customer. Each module erases its own data through its API; this only
 * says in which order: the customer row goes last, so that a failure half-way leaves the customer (and the
 * links to their conversations) in place and the erasure can simply be run again. The access log gets
 * who, when and the customer id, nothing else.
 */
@Component
class CustomerErasure {

	/** What was erased, for the flash message and the tests. */
	record Erased(int conversations, List<String> caseReferences) {
	}

	private final Customers customers;

	private final Transcript transcript;

	private final CaseManagement cases;

	private final ConversationErasure agentMemory;

	private final Handoffs handoffs;

	private final ChatwootOutbox outbox;

	private final AccessLog accessLog;

	CustomerErasure(Customers customers, Transcript transcript, CaseManagement cases, ConversationErasure agentMemory,
			Handoffs handoffs, ChatwootOutbox outbox, AccessLog accessLog) {
		this.customers = customers;
		this.transcript = transcript;
		this.cases = cases;
		this.agentMemory = agentMemory;
		this.handoffs = handoffs;
		this.outbox = outbox;
		this.accessLog = accessLog;
	}

	Erased erase(CustomerId customer, String actor) {
		Set<Long> conversations = new LinkedHashSet<>(transcript.conversationsOf(customer));
		cases.ofCustomer(customer.value(), conversations).forEach(c -> conversations.add(c.conversationId()));
		List<String> references = cases.erasePersonalData(customer.value(), conversations, "panel:" + actor);
		agentMemory.erase(conversations);
		handoffs.erasePersonalData(conversations);
		outbox.erase(conversations);
		transcript.erase(conversations);
		customers.erase(customer);
		accessLog.action(actor, "gdpr_erase", "customer:" + customer.value());
		return new Erased(conversations.size(), references);
	}

}
