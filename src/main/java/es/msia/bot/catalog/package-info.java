/**
 * Catalogue and quoting: the 2026 tariff catalogue of MSI Automotive as immutable records, the
 * {@link es.msia.bot.catalog.QuoteEngine} (the only place a price is computed) and the
 * {@link es.msia.bot.catalog.ElementMatcher} (free Spanish text to catalogue elements).
 * <p>
 * Glossary: reforma = vehicle modification to legalise; tarifa = {@link es.msia.bot.catalog.TierDefinition};
 * elemento = {@link es.msia.bot.catalog.ElementDefinition}; variante = {@link es.msia.bot.catalog.VariantDefinition};
 * recargo = {@link es.msia.bot.catalog.SurchargeDefinition}; expediente = case (module {@code cases}).
 * <p>
 * Publishes no events and listens to none. Sub-packages ({@code seed}, {@code matching}) are internal.
 */
@NullMarked
package es.msia.bot.catalog;

import org.jspecify.annotations.NullMarked;
