/**
 * Internal: deterministic matching of free Spanish WhatsApp text to catalogue elements, driven only
 * by the keywords, aliases and variants of the catalogue plus a small generic Spanish lexicon. Words
 * are compared by the stems of Lucene's Spanish analysis ({@link es.msia.bot.catalog.matching.SpanishStems}),
 * so inflections and verb forms need no list of their own.
 */
@NullMarked
package es.msia.bot.catalog.matching;

import org.jspecify.annotations.NullMarked;
