package es.msia.bot.knowledge;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge base: active FAQ entries and the offline matching of a customer's question to one.
 * Entries are read on each call (a handful of rows) so staff edits apply to the next message.
 */
@Component
public class Faq {

	private final JdbcClient jdbc;

	Faq(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active entries, in key order. */
	public List<FaqEntry> entries() {
		return jdbc.sql("SELECT key, question, answer, keywords FROM faq_entries WHERE active ORDER BY key")
			.query((rs, n) -> new FaqEntry(rs.getString("key"), rs.getString("question"), rs.getString("answer"),
					Arrays.asList((String[]) rs.getArray("keywords").getArray())))
			.list();
	}

	/** The active entry with this key. */
	public Optional<FaqEntry> byKey(String key) {
		return entries().stream().filter(e -> e.key().equals(key)).findFirst();
	}

	/** The entry whose keywords best cover the question (the longest keyword found wins), if any. */
	public Optional<FaqEntry> answer(String question) {
		return match(entries(), question);
	}

	/** Matching without the database, for callers (and tests) holding the entries already. */
	public static Optional<FaqEntry> match(List<FaqEntry> entries, String question) {
		return ranked(entries, question, 1).stream().findFirst();
	}

	/**
	 * Up to {@code limit} active entries whose keywords occur in the question, best first: the facts an
	 * LLM may answer from in this turn.
	 */
	public List<FaqEntry> relevant(String question, int limit) {
		return ranked(entries(), question, limit);
	}

	/** Entries whose keywords occur in the question, best (longest keyword found) first, ties in key order. */
	public static List<FaqEntry> ranked(List<FaqEntry> entries, String question, int limit) {
		String text = " " + normalise(question) + " ";
		return entries.stream()
			.filter(e -> longestHit(e, text) > 0)
			.sorted(Comparator.comparingInt((FaqEntry e) -> longestHit(e, text)).reversed())
			.limit(limit)
			.toList();
	}

	private static int longestHit(FaqEntry entry, String text) {
		return entry.keywords().stream().filter(k -> text.contains(" " + k)).mapToInt(String::length).max().orElse(0);
	}

	static String normalise(String text) {
		String stripped = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return stripped.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9ñ ]", " ").replaceAll("\\s+", " ").trim();
	}

}
