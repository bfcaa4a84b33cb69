/**
 * HTTP API of the catalogue (internal): public catalogue reads, example images and quotes, and the
 * admin edit API under {@code /api/admin/catalog}.
 */
@org.jspecify.annotations.NullMarked
package es.msia.bot.catalog.web;
