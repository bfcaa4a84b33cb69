/**
 * Internal: reads {@code catalog-2026.json} into the catalogue records and checks its integrity.
 */
@NullMarked
package es.msia.bot.catalog.seed;

import org.jspecify.annotations.NullMarked;
