package es.msia.bot.catalog;

/**
 * Result of asking for a price: either a {@link Quote} or an explicit {@link NoTariff}. Sealed so that
 * callers must handle both (a {@code switch} over it is exhaustive).
 */
public sealed interface QuoteOutcome permits Quote, NoTariff {
}
