package es.msia.bot.customers;

/** Typed id of a customer row. */
public record CustomerId(long value) {
}
