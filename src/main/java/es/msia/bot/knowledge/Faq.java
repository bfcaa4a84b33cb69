package es.msia.bot.knowledge;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The knowledge base: active FAQ entries and the offline matching of a customer's question to one.
 * The active entries are read at most every {@link #MAX_AGE} (every turn asks for them, two or three times)
 * and again at once after an edit in this process; another replica sees an edit within {@link #MAX_AGE}.
 */
@Component
public class Faq {

	static final Duration MAX_AGE = Duration.ofSeconds(2);

	private record Snapshot(List<FaqEntry> entries, long takenAt) {
	}

	private final JdbcClient jdbc;

	private volatile Snapshot cached;

	Faq(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Active entries, in key order. */
	public List<FaqEntry> entries() {
		long now = System.nanoTime();
		Snapshot snapshot = cached;
		if (snapshot == null || now - snapshot.takenAt() >= MAX_AGE.toNanos()) {
			snapshot = new Snapshot(jdbc.sql("SELECT key, question, answer, keywords FROM faq_entries WHERE active ORDER BY key")
				.query((rs, n) -> new FaqEntry(rs.getString("key"), rs.getString("question"), rs.getString("answer"),
						Arrays.asList((String[]) rs.getArray("keywords").getArray())))
				.list(), now);
			cached = snapshot;
		}
		return snapshot.entries();
	}

	/** The active entry with this key. */
	public Optional<FaqEntry> byKey(String key) {
		return entries().stream().filter(e -> e.key().equals(key)).findFirst();
	}

	/** An entry as staff edit it: with whether the agent uses it. */
	public record Editable(FaqEntry entry, boolean active, Instant updatedAt) {
	}

	/** Why an edit was refused: the field at fault ({@code key}, {@code keyTaken}, {@code question}...). */
	public static final class InvalidEntry extends RuntimeException {

		private final String field;

		InvalidEntry(String field) {
			super("Invalid FAQ entry: " + field);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	/** Every entry, active or not, in key order (the panel's list). */
	public List<Editable> all() {
		return jdbc.sql("SELECT key, question, answer, keywords, active, updated_at FROM faq_entries ORDER BY key")
			.query((rs, n) -> new Editable(new FaqEntry(rs.getString("key"), rs.getString("question"),
					rs.getString("answer"), Arrays.asList((String[]) rs.getArray("keywords").getArray())),
					rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant()))
			.list();
	}

	/** One entry, active or not. */
	public Optional<Editable> find(String key) {
		return all().stream().filter(e -> e.entry().key().equals(key)).findFirst();
	}

	/**
	 * Creates an entry. Keywords are stored as matching compares them: without accents, in lower case.
	 *
	 * @throws InvalidEntry when a field is missing or too long, or the key is taken
	 */
	public FaqEntry create(FaqEntry entry, boolean active) {
		FaqEntry clean = validated(entry);
		if (!clean.key().matches("[a-z0-9][a-z0-9-]{1,63}")) {
			throw new InvalidEntry("key");
		}
		int inserted = jdbc.sql("""
				INSERT INTO faq_entries (key, question, answer, keywords, active) VALUES (:key, :q, :a, :k, :active)
				ON CONFLICT (key) DO NOTHING""")
			.param("key", clean.key()).param("q", clean.question()).param("a", clean.answer())
			.param("k", clean.keywords().toArray(String[]::new)).param("active", active)
			.update();
		if (inserted == 0) {
			throw new InvalidEntry("keyTaken");
		}
		cached = null;
		return clean;
	}

	/**
	 * Replaces an entry's question, answer, keywords and whether it is used; the next customer message
	 * already gets the new answer.
	 *
	 * @return false when there is no entry with that key
	 * @throws InvalidEntry when a field is missing or too long
	 */
	public boolean update(FaqEntry entry, boolean active) {
		FaqEntry clean = validated(entry);
		boolean updated = jdbc.sql("""
				UPDATE faq_entries SET question = :q, answer = :a, keywords = :k, active = :active, updated_at = now()
				WHERE key = :key""")
			.param("key", clean.key()).param("q", clean.question()).param("a", clean.answer())
			.param("k", clean.keywords().toArray(String[]::new)).param("active", active)
			.update() == 1;
		cached = null;
		return updated;
	}

	/** Deletes an entry; false when there was none. */
	public boolean delete(String key) {
		boolean deleted = jdbc.sql("DELETE FROM faq_entries WHERE key = :key").param("key", key).update() == 1;
		cached = null;
		return deleted;
	}

	private static FaqEntry validated(FaqEntry entry) {
		String question = entry.question().strip();
		String answer = entry.answer().strip();
		if (question.isEmpty() || question.length() > 300) {
			throw new InvalidEntry("question");
		}
		if (answer.isEmpty() || answer.length() > 2000) {
			throw new InvalidEntry("answer");
		}
		List<String> keywords = entry.keywords().stream().map(Faq::normalise).filter(k -> !k.isEmpty()).distinct()
			.toList();
		if (keywords.isEmpty() || keywords.size() > 40 || keywords.stream().anyMatch(k -> k.length() > 60)) {
			throw new InvalidEntry("keywords");
		}
		return new FaqEntry(entry.key().strip(), question, answer, keywords);
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
