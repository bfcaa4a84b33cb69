package es.msia.bot.customers;

import java.util.List;
import java.util.Optional;

import es.msia.bot.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customer facade. Customers are created on their first WhatsApp message and found by phone afterwards.
 */
@Service
public class Customers {

	private final JdbcClient jdbc;

	Customers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Creates the customer or refreshes the WhatsApp name and Chatwoot contact id, in one statement so
	 * that two concurrent first messages cannot create two customers.
	 */
	public CustomerId upsert(PhoneNumber phone, @Nullable String name, @Nullable Long chatwootContactId) {
		return upsert(phone, name, chatwootContactId, null);
	}

	/**
	 * As {@link #upsert(PhoneNumber, String, Long)}, also recording the client type MSI's CRM gives (see
	 * {@link #setClientType}) when it gives one: one statement for the webhook's every message.
	 *
	 * @param clientType {@code particular}, {@code profesional}, or null to keep what is recorded
	 */
	public CustomerId upsert(PhoneNumber phone, @Nullable String name, @Nullable Long chatwootContactId,
			@Nullable String clientType) {
		long id = jdbc.sql("""
				INSERT INTO customers (phone, name, chatwoot_contact_id, client_type)
				VALUES (:phone, :name, :contact, COALESCE(CAST(:type AS text), 'particular'))
				ON CONFLICT (phone) DO UPDATE SET
				  name = COALESCE(customers.name, EXCLUDED.name),
				  chatwoot_contact_id = COALESCE(EXCLUDED.chatwoot_contact_id, customers.chatwoot_contact_id),
				  client_type = COALESCE(CAST(:type AS text), customers.client_type),
				  updated_at = now()
				RETURNING id""")
			.param("phone", phone.value())
			.param("name", name)
			.param("contact", chatwootContactId)
			.param("type", clientType)
			.query(Long.class)
			.single();
		return new CustomerId(id);
	}

	/**
	 * Records the client type MSI's CRM (Chatwoot's {@code tipo} attribute) gives for the customer; the
	 * customer is never asked.
	 *
	 * @param clientType {@code particular} or {@code profesional}
	 */
	public void setClientType(CustomerId id, String clientType) {
		jdbc.sql("UPDATE customers SET client_type = :type, updated_at = now() WHERE id = :id AND client_type <> :type")
			.param("type", clientType)
			.param("id", id.value())
			.update();
	}

	/** The customer with this id, if known. */
	public Optional<CustomerView> find(CustomerId id) {
		return jdbc.sql("SELECT id, phone, name, email, client_type FROM customers WHERE id = :id")
			.param("id", id.value())
			.query(Customers::view)
			.optional();
	}

	/** The customer's Chatwoot contact id, when a webhook gave it. */
	public Optional<Long> chatwootContactId(CustomerId id) {
		return jdbc.sql("SELECT chatwoot_contact_id FROM customers WHERE id = :id AND chatwoot_contact_id IS NOT NULL")
			.param("id", id.value())
			.query(Long.class)
			.optional();
	}

	/** The customer with this phone, if known. */
	public Optional<CustomerView> findByPhone(PhoneNumber phone) {
		return jdbc.sql("SELECT id, phone, name, email, client_type FROM customers WHERE phone = :phone")
			.param("phone", phone.value())
			.query(Customers::view)
			.optional();
	}

	/**
	 * Customers whose phone or name contains the text (any case), most recently active first; all of
	 * them when the text is blank.
	 */
	public List<CustomerView> search(String text, int limit) {
		String digits = text.replaceAll("[\\s.\\-()+]", "");
		return jdbc.sql("""
				SELECT id, phone, name, email, client_type FROM customers
				WHERE :q = '' OR lower(coalesce(name, '')) LIKE '%' || lower(:q) || '%'
				   OR (:digits <> '' AND phone LIKE '%' || :digits || '%')
				ORDER BY updated_at DESC, id DESC LIMIT :limit""")
			.param("q", text.trim())
			.param("digits", digits.matches("\\d+") ? digits : "")
			.param("limit", limit)
			.query(Customers::view)
			.list();
	}

	/**
	 * GDPR erasure (art. 17): deletes the customer row, so name, phone, e-mail, Chatwoot contact and
	 * attributes go with it. Other modules erase their own data first; their links to the row are set to
	 * null by the foreign keys.
	 *
	 * @return whether the customer existed
	 */
	public boolean erase(CustomerId id) {
		return jdbc.sql("DELETE FROM customers WHERE id = :id").param("id", id.value()).update() == 1;
	}

	private static CustomerView view(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new CustomerView(new CustomerId(rs.getLong("id")), new PhoneNumber(rs.getString("phone")),
				rs.getString("name"), rs.getString("email"), rs.getString("client_type"));
	}

}
