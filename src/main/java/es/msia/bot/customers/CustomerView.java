package es.msia.bot.customers;

import es.msia.bot.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * Read model of a customer.
 *
 * @param clientType {@code particular} or {@code profesional}
 */
public record CustomerView(CustomerId id, PhoneNumber phone, @Nullable String name, @Nullable String email,
		String clientType) {
}
