package es.msia.bot.conversation;

import java.util.LinkedHashMap;
import java.util.Map;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseSubmitted;
import es.msia.bot.cases.CaseView;
import es.msia.bot.chatwoot.ChatwootClient;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Copies the personal data the customer confirmed (the case summary) to their Chatwoot contact, so agents
 * see it there: name and e-mail, and the rest as contact custom attributes, which Chatwoot merges
 * (protocols.md B2), so MSI's own attributes such as {@code tipo} stay. The phone is not sent: the
 * contact's number is the WhatsApp one and Chatwoot keeps it unique. Best effort after the commit; the
 * case in PostgreSQL is the record.
 */
@Component
class CaseContactDetails {

	private static final Logger log = LoggerFactory.getLogger(CaseContactDetails.class);

	private final ChatwootClient chatwoot;

	private final CaseManagement cases;

	private final Customers customers;

	CaseContactDetails(ChatwootClient chatwoot, CaseManagement cases, Customers customers) {
		this.chatwoot = chatwoot;
		this.cases = cases;
		this.customers = customers;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CaseSubmitted event) {
		if (!chatwoot.configured()) {
			return;
		}
		CaseView view = cases.view(event.caseId());
		if (view.customerId() == null) {
			return;
		}
		customers.chatwootContactId(new CustomerId(view.customerId())).ifPresent(contactId -> {
			ChatwootClient.Result result = chatwoot.updateContact(event.conversationId(), contactId, contact(view));
			if (!(result instanceof ChatwootClient.Sent)) {
				log.warn("Case {} submitted; Chatwoot contact {} not updated: {}", event.reference(), contactId, result);
			}
		});
	}

	static Map<String, Object> contact(CaseView view) {
		Map<String, String> personal = view.personal();
		Map<String, Object> body = new LinkedHashMap<>();
		String name = (personal.getOrDefault("nombre", "") + " " + personal.getOrDefault("apellidos", "")).strip();
		if (!name.isEmpty()) {
			body.put("name", name);
		}
		if (personal.containsKey("email")) {
			body.put("email", personal.get("email"));
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		copy(personal, "dni_nie_cif", attributes, "dni_nie_cif");
		copy(personal, "domicilio_calle", attributes, "direccion");
		copy(personal, "domicilio_cp", attributes, "codigo_postal");
		copy(personal, "domicilio_localidad", attributes, "localidad");
		copy(personal, "domicilio_provincia", attributes, "provincia");
		copy(personal, "telefono", attributes, "telefono_contacto");
		attributes.put("ultimo_expediente", view.reference());
		body.put("custom_attributes", attributes);
		return body;
	}

	private static void copy(Map<String, String> from, String key, Map<String, String> to, String as) {
		String value = from.get(key);
		if (value != null && !value.isBlank()) {
			to.put(as, value);
		}
	}

}
