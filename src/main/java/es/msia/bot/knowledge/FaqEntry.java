package es.msia.bot.knowledge;

import java.util.List;

/**
 * One frequent question and MSI's answer, as staff wrote it.
 *
 * @param key stable identifier (an LLM may name it; the answer text is always read from here)
 * @param keywords accent-free lower-case phrases that, found in a customer's message, point to this entry
 */
public record FaqEntry(String key, String question, String answer, List<String> keywords) {

	public FaqEntry {
		keywords = List.copyOf(keywords);
	}

}
