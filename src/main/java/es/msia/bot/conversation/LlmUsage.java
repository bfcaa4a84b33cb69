package es.msia.bot.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.conversation.llm.LlmSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read model of the LLM's use for the panel's Uso y costes page: tokens and cost per day, month,
 * conversation and expediente, LLM calls per customer turn, and the turns the offline engine answered
 * instead, by reason. A row of {@code llm_calls} is one turn on the LLM path (V0010); costs are stored in
 * OpenRouter's USD credits and shown in euros at {@code LLM_USD_TO_EUR}. Days and months are UTC.
 * <p>
 * The per-expediente figures join {@code cases} (module cases) on the conversation: a reporting query,
 * read-only, like {@link ConversationView}'s.
 */
@Service
public class LlmUsage {

	/**
	 * Totals of one day, month, conversation or expediente.
	 *
	 * @param turns customer turns the LLM path handled (calls made or not)
	 * @param calls HTTP calls to OpenRouter, retries included
	 * @param fallbacks turns the offline engine answered instead
	 */
	public record Totals(String key, long turns, long calls, long promptTokens, long completionTokens, BigDecimal costEur,
			long fallbacks, long answered, long maxPromptTokens) {

		public double callsPerTurn() {
			return turns == 0 ? 0 : (double) calls / turns;
		}

		/** Average prompt of the calls that got an answer (failed attempts report no usage). */
		public long promptTokensPerCall() {
			return answered == 0 ? 0 : Math.round((double) promptTokens / answered);
		}

	}

	/** An expediente's totals, with its reference for the link. */
	public record CaseTotals(long caseId, String reference, Totals totals) {
	}

	/** Turns the offline engine answered instead of the LLM, by reason. */
	public record Fallback(String reason, long turns) {
	}

	private static final String COLUMNS = " COUNT(*) AS turns, COALESCE(SUM(l.attempts), 0) AS calls,"
			+ " COALESCE(SUM(l.prompt_tokens), 0) AS p, COALESCE(SUM(l.completion_tokens), 0) AS c,"
			+ " COALESCE(SUM(l.cost_usd), 0) AS cost, COUNT(l.fallback_reason) AS fallbacks,"
			+ " COUNT(*) FILTER (WHERE l.outcome IN ('used', 'unusable')) AS answered,"
			+ " COALESCE(MAX(l.prompt_tokens), 0) AS max_prompt";

	private final JdbcClient jdbc;

	private final LlmSettings settings;

	LlmUsage(JdbcClient jdbc, LlmSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** Whether any turn was ever accounted (the page's empty state otherwise). */
	public boolean any() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM llm_calls)").query(Boolean.class).single();
	}

	/** The last {@code days} days (today included), oldest first, with the days without calls as zeros. */
	public List<Totals> daily(int days) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate first = today.minusDays(days - 1L);
		Map<String, Totals> found = new LinkedHashMap<>();
		jdbc.sql("SELECT to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS k," + COLUMNS
				+ " FROM llm_calls l WHERE l.created_at >= CAST(:first AS date) AT TIME ZONE 'UTC' GROUP BY 1")
			.param("first", first.toString())
			.query(this::totals)
			.list()
			.forEach(t -> found.put(t.key(), t));
		List<Totals> all = new ArrayList<>();
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			all.add(found.getOrDefault(day.toString(), new Totals(day.toString(), 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0)));
		}
		return all;
	}

	/** The last {@code months} calendar months that had turns, newest first. */
	public List<Totals> monthly(int months) {
		return jdbc.sql("SELECT to_char(l.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS k," + COLUMNS
				+ " FROM llm_calls l GROUP BY 1 ORDER BY 1 DESC LIMIT :months")
			.param("months", months)
			.query(this::totals)
			.list();
	}

	/** The whole of the last {@code days} days. */
	public Totals period(int days) {
		return jdbc.sql("SELECT 'period' AS k," + COLUMNS + " FROM llm_calls l WHERE l.created_at >= now() - make_interval(days => :days)")
			.param("days", days)
			.query(this::totals)
			.single();
	}

	/** The most expensive conversations of the last {@code days} days (the key is the conversation id). */
	public List<Totals> topConversations(int days, int limit) {
		return jdbc.sql("SELECT l.conversation_id::text AS k," + COLUMNS + " FROM llm_calls l"
				+ " WHERE l.conversation_id IS NOT NULL AND l.created_at >= now() - make_interval(days => :days)"
				+ " GROUP BY l.conversation_id ORDER BY SUM(l.cost_usd) DESC, SUM(l.prompt_tokens) DESC LIMIT :limit")
			.param("days", days)
			.param("limit", limit)
			.query(this::totals)
			.list();
	}

	/**
	 * The most expensive expedientes of the last {@code days} days: the turns of the conversation each was
	 * opened from (the quote and the data collection are part of its cost).
	 */
	public List<CaseTotals> topCases(int days, int limit) {
		return jdbc.sql("SELECT c.id AS case_id, c.reference AS k," + COLUMNS + " FROM cases c"
				+ " JOIN llm_calls l ON l.conversation_id = c.conversation_id"
				+ " WHERE l.created_at >= now() - make_interval(days => :days)"
				+ " GROUP BY c.id, c.reference ORDER BY SUM(l.cost_usd) DESC, SUM(l.prompt_tokens) DESC LIMIT :limit")
			.param("days", days)
			.param("limit", limit)
			.query((rs, n) -> new CaseTotals(rs.getLong("case_id"), rs.getString("k"), totals(rs, n)))
			.list();
	}

	/** LLM turns that failed (model down, no credit, refused, unusable answer), newest first; no message text. */
	public List<es.msia.bot.shared.RecentFailure> recentFailures(int limit) {
		return jdbc.sql("""
				SELECT created_at, model, attempts, fallback_reason FROM llm_calls
				WHERE outcome IN ('failed', 'unusable') ORDER BY created_at DESC, id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> es.msia.bot.shared.RecentFailure.of(rs.getTimestamp("created_at").toInstant(), "llm",
					rs.getString("fallback_reason") + " · " + rs.getString("model") + " · " + rs.getInt("attempts")
							+ " llamadas"))
			.list();
	}

	/** Turns answered by the offline engine in the last {@code days} days, by reason, most frequent first. */
	public List<Fallback> fallbacks(int days) {
		return jdbc.sql("SELECT fallback_reason, COUNT(*) AS n FROM llm_calls"
				+ " WHERE fallback_reason IS NOT NULL AND created_at >= now() - make_interval(days => :days)"
				+ " GROUP BY 1 ORDER BY 2 DESC, 1")
			.param("days", days)
			.query((rs, n) -> new Fallback(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private Totals totals(ResultSet rs, int row) throws SQLException {
		return new Totals(rs.getString("k"), rs.getLong("turns"), rs.getLong("calls"), rs.getLong("p"), rs.getLong("c"),
				settings.toEur(rs.getBigDecimal("cost")).setScale(4, RoundingMode.HALF_UP), rs.getLong("fallbacks"),
				rs.getLong("answered"), rs.getLong("max_prompt"));
	}

}
