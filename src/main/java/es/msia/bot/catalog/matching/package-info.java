/**
 * Internal: deterministic matching of free Spanish WhatsApp text to catalogue elements, driven only
 * by the keywords, aliases and variants of the catalogue plus a small generic Spanish lexicon.
 */
@NullMarked
package es.msia.bot.catalog.matching;

import org.jspecify.annotations.NullMarked;
