package es.msia.bot.conversation.flow;

import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.VehicleType;
import org.jspecify.annotations.Nullable;

/**
 * Facts about the customer the policy needs and never asks for: the client type comes from Chatwoot or
 * MSI's records, and decides the category (null when MSI has no tariff for it).
 */
public record PolicyContext(ClientType clientType, VehicleType vehicleType, @Nullable String categorySlug,
		@Nullable String firstName) implements java.io.Serializable {
}
