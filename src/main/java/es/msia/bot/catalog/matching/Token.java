package es.msia.bot.catalog.matching;

/**
 * A word of the message.
 *
 * @param form normalised spelling (lower case, no accents)
 * @param key Spanish stem used for comparison (see {@link SpanishStems})
 * @param start offset of the first character in the original text
 * @param end offset after the last character in the original text
 * @param sentenceStart whether a sentence boundary (. ! ? or new line) precedes it
 * @param pauseBefore whether any punctuation precedes it (comma included)
 */
record Token(String form, String key, int start, int end, boolean sentenceStart, boolean pauseBefore) {
}
