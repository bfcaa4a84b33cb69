package es.msia.bot.catalog.matching;

/**
 * A phrase found in the message.
 *
 * @param phrase what was matched
 * @param first index of the first token
 * @param last index of the last token
 * @param edits typo edits needed (0 = exact)
 */
record Mention(Phrase phrase, int first, int last, int edits) {

	int size() {
		return this.phrase.size();
	}

	boolean overlaps(Mention other) {
		return this.first <= other.last && other.first <= this.last;
	}

	/** Whether this mention names the umbrella (or one of its variants) the other one refines. */
	boolean sameElement(Mention other) {
		return this.phrase.element().code().equals(other.phrase.element().code());
	}

}
