package es.msia.bot.conversation;

import java.util.Optional;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import org.springframework.stereotype.Component;

/**
 * The facts about a customer that decide their tariff. The customer is never asked whether they are a
 * professional: the client type comes from MSI's records (particular unless staff say otherwise), and
 * each client type has its list (motorcycles for private customers, motorhomes for professionals).
 */
@Component
public class CustomerProfiles {

	private final Customers customers;

	private final Catalog catalog;

	CustomerProfiles(Customers customers, Catalog catalog) {
		this.customers = customers;
		this.catalog = catalog;
	}

	public PolicyContext policyContext(TurnInput turn) {
		Optional<CustomerView> customer = customers.find(new CustomerId(turn.customerId()));
		ClientType clientType = customer.map(c -> ClientType.fromCode(c.clientType())).orElse(ClientType.PARTICULAR);
		VehicleType vehicle = clientType == ClientType.PROFESIONAL ? VehicleType.AUTOCARAVANA : VehicleType.MOTO;
		String slug = catalog.current().categoryFor(clientType, vehicle).map(CategoryDefinition::slug).orElse(null);
		return new PolicyContext(clientType, vehicle, slug, turn.firstName());
	}

}
