/**
 * Catalogue and quoting: MSI Automotive's tariff catalogue, stored in PostgreSQL (seeded once from
 * {@code catalog/catalog-2026.json}, then edited by staff through the admin API with an audit trail),
 * the {@link es.msia.bot.catalog.Catalog} facade, the {@link es.msia.bot.catalog.QuoteEngine} (the only
 * place a price is computed) and the {@link es.msia.bot.catalog.ElementMatcher} (free Spanish text to
 * catalogue elements). Also serves the example images customers are sent.
 * <p>
 * Glossary: reforma = vehicle modification to legalise; tarifa = {@link es.msia.bot.catalog.TierDefinition};
 * elemento = {@link es.msia.bot.catalog.ElementDefinition}; variante = {@link es.msia.bot.catalog.VariantDefinition};
 * recargo = {@link es.msia.bot.catalog.SurchargeDefinition}; expediente = case (module {@code cases}).
 * <p>
 * Owns the {@code catalog_*} tables. Publishes no events and listens to none. Sub-packages
 * ({@code seed}, {@code matching}, {@code jdbc}, {@code web}) are internal.
 * <p>
 * Panel edits go through {@link es.msia.bot.catalog.CatalogAdministration} (same audited edit service as the admin API).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog & quoting", allowedDependencies = "shared")
@org.jspecify.annotations.NullMarked
package es.msia.bot.catalog;
