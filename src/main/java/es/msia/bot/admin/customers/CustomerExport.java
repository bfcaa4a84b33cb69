package es.msia.bot.admin.customers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import es.msia.bot.messaging.Transcript;
import org.springframework.stereotype.Component;

/**
 * The GDPR access export of one customer (art. 15): their data, and every conversation with its
 * transcript and last quote, as one JSON document assembled from the owning modules' read APIs.
 */
@Component
class CustomerExport {

	/** Far above any real conversation; the transcript API returns the latest lines up to this. */
	private static final int ALL_LINES = 100_000;

	private static final int ALL_CONVERSATIONS = 10_000;

	private final Customers customers;

	private final ConversationView conversations;

	private final Transcript transcript;

	CustomerExport(Customers customers, ConversationView conversations, Transcript transcript) {
		this.customers = customers;
		this.conversations = conversations;
		this.transcript = transcript;
	}

	Optional<Map<String, Object>> of(long customerId) {
		Optional<CustomerView> customer = customers.find(new CustomerId(customerId));
		return customer.map(c -> {
			Map<String, Object> export = new LinkedHashMap<>();
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", c.id().value());
			data.put("phone", c.phone().value());
			data.put("name", c.name());
			data.put("email", c.email());
			data.put("clientType", c.clientType());
			export.put("customer", data);
			List<Map<String, Object>> list = new ArrayList<>();
			for (ConversationView.Summary summary : conversations
				.list(new ConversationView.Filter("", "", false, customerId, ALL_CONVERSATIONS))) {
				Map<String, Object> conversation = new LinkedHashMap<>();
				conversation.put("id", summary.id());
				conversation.put("lastActivity", summary.lastActivity().toString());
				conversation.put("messages", transcript.latest(summary.id(), ALL_LINES).stream().map(line -> {
					Map<String, Object> message = new LinkedHashMap<>();
					message.put("at", line.at().toString());
					message.put("direction", line.direction());
					message.put("sender", line.senderKind());
					message.put("content", line.content());
					return message;
				}).toList());
				conversations.snapshot(summary.id()).quote().ifPresent(q -> {
					Map<String, Object> quote = new LinkedHashMap<>();
					quote.put("tier", q.tierCode());
					quote.put("priceWithoutVat", q.tierPrice());
					quote.put("totalWithVat", q.totalWithVat());
					quote.put("items", q.items());
					quote.put("status", q.status());
					quote.put("at", q.at().toString());
					conversation.put("lastQuote", quote);
				});
				list.add(conversation);
			}
			export.put("conversations", list);
			return export;
		});
	}

}
