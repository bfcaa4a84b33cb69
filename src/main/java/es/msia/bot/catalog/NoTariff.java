package es.msia.bot.catalog;

/**
 * There is no price list for this customer and vehicle (e.g. a car, a private motorhome owner or a
 * professional motorcyclist): the conversation must refer the customer to a person and never show a
 * price.
 *
 * @param clientType the customer's client type
 * @param vehicleType the vehicle asked about
 * @param reasonEs Spanish explanation for staff and for the reply writer
 */
public record NoTariff(ClientType clientType, VehicleType vehicleType, String reasonEs) implements QuoteOutcome {
}
