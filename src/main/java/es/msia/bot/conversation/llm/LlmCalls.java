package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code llm_calls} table: tokens and cost per call with conversation and model, and the daily and
 * per-conversation totals the panel shows.
 */
public class LlmCalls implements CallLedger {

	/** Totals of one day or one conversation. */
	public record Totals(String key, long calls, long promptTokens, long completionTokens, BigDecimal cost) {
	}

	private final JdbcClient jdbc;

	public LlmCalls(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void record(Call call) {
		jdbc.sql("""
				INSERT INTO llm_calls (conversation_id, model, prompt_tokens, completion_tokens, cost_usd, latency_ms, outcome,
				                       attempts, fallback_reason)
				VALUES (:conversation, :model, :prompt, :completion, :cost, :latency, :outcome, :attempts, :reason)""")
			.param("conversation", call.conversationId() == 0 ? null : call.conversationId(), java.sql.Types.BIGINT)
			.param("model", call.model())
			.param("prompt", call.promptTokens())
			.param("completion", call.completionTokens())
			.param("cost", call.cost())
			.param("latency", (int) Math.min(Integer.MAX_VALUE, call.latencyMs()))
			.param("outcome", call.outcome())
			.param("attempts", call.attempts())
			.param("reason", call.fallbackReason(), java.sql.Types.VARCHAR)
			.update();
	}

	@Override
	public BigDecimal spentThisMonth() {
		return jdbc.sql("""
				SELECT COALESCE(SUM(cost_usd), 0) FROM llm_calls
				WHERE created_at >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'""")
			.query(BigDecimal.class)
			.single();
	}

	/** Per-day totals of the last {@code days} days, newest first. */
	public List<Totals> daily(int days) {
		return totals("to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')",
				"created_at >= now() - make_interval(days => :days)", days, null);
	}

	/** Totals of one conversation. */
	public List<Totals> conversation(long conversationId) {
		return totals("conversation_id::text", "conversation_id = :conversation", null, conversationId);
	}

	private List<Totals> totals(String key, String where, @Nullable Integer days, @Nullable Long conversation) {
		var spec = jdbc.sql("SELECT " + key + " AS k, COUNT(*) AS calls, SUM(prompt_tokens) AS p, SUM(completion_tokens) AS c,"
				+ " SUM(cost_usd) AS cost FROM llm_calls WHERE " + where + " GROUP BY 1 ORDER BY 1 DESC");
		if (days != null) {
			spec = spec.param("days", days);
		}
		if (conversation != null) {
			spec = spec.param("conversation", conversation);
		}
		return spec.query((rs, n) -> new Totals(rs.getString("k"), rs.getLong("calls"), rs.getLong("p"), rs.getLong("c"),
				rs.getBigDecimal("cost"))).list();
	}

}
