package es.msia.bot.handoff.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import es.msia.bot.handoff.EscalationView;
import es.msia.bot.handoff.HandoffReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code escalations} table. At most one open escalation per conversation (a partial unique
 * index), which is what makes a repeated request harmless.
 */
@Repository
public class Escalations {

	/** An escalation whose Chatwoot side is due. */
	public record Due(long id, long conversationId, int attempts) {
	}

	private static final String COLUMNS = "id, conversation_id, reason, context_pack, status, created_at, resolved_at, resolved_by";

	private final JdbcClient jdbc;

	Escalations(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts an open escalation; empty when the conversation already has one. */
	public Optional<EscalationView> openNew(long conversationId, HandoffReason reason, String contextPack) {
		return jdbc.sql("""
				INSERT INTO escalations (conversation_id, reason, context_pack) VALUES (:conversation, :reason, :pack)
				ON CONFLICT (conversation_id) WHERE status = 'open' DO NOTHING
				RETURNING\s""" + COLUMNS)
			.param("conversation", conversationId)
			.param("reason", reason.name())
			.param("pack", contextPack)
			.query(Escalations::view)
			.optional();
	}

	public Optional<EscalationView> findOpen(long conversationId) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM escalations WHERE conversation_id = :c AND status = 'open'")
			.param("c", conversationId)
			.query(Escalations::view)
			.optional();
	}

	public Optional<EscalationView> find(long id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM escalations WHERE id = :id")
			.param("id", id)
			.query(Escalations::view)
			.optional();
	}

	/** Escalations started in the last {@code days} days per reason code (only reasons that occurred), simulator left out. */
	public java.util.Map<String, Long> countByReason(int days) {
		java.util.Map<String, Long> counts = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT reason, count(*) FROM escalations
				WHERE created_at >= now() - make_interval(days => :days) AND conversation_id < :simulated
				GROUP BY reason""")
			.param("days", days)
			.param("simulated", es.msia.bot.shared.SimulatedConversations.FIRST_ID)
			.query((org.springframework.jdbc.core.RowCallbackHandler) rs -> counts.put(rs.getString(1), rs.getLong(2)));
		return counts;
	}

	/** Escalations whose Chatwoot side gave up (no status, label or bot switch), newest first. */
	public List<es.msia.bot.shared.RecentFailure> syncFailures(int limit) {
		return jdbc.sql("""
				SELECT GREATEST(created_at, next_sync_at) AS at, chatwoot_attempts, chatwoot_error FROM escalations
				WHERE chatwoot_state = 'failed' ORDER BY GREATEST(created_at, next_sync_at) DESC, id DESC LIMIT :limit""")
			.param("limit", limit)
			.query((rs, n) -> es.msia.bot.shared.RecentFailure.of(rs.getTimestamp("at").toInstant(), "handoff",
					rs.getInt("chatwoot_attempts") + " intentos: "
							+ java.util.Objects.requireNonNullElse(rs.getString("chatwoot_error"), "")))
			.list();
	}

	/** Open escalations, oldest first. */
	public List<EscalationView> open() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM escalations WHERE status = 'open' ORDER BY id")
			.query(Escalations::view)
			.list();
	}

	public boolean resolve(long id, String actor) {
		return jdbc.sql("""
				UPDATE escalations SET status = 'resolved', resolved_at = now(), resolved_by = :actor
				WHERE id = :id AND status = 'open'""").param("actor", actor).param("id", id).update() == 1;
	}

	public void resolveOpen(long conversationId, String actor) {
		jdbc.sql("""
				UPDATE escalations SET status = 'resolved', resolved_at = now(), resolved_by = :actor
				WHERE conversation_id = :c AND status = 'open'""").param("actor", actor).param("c", conversationId).update();
	}

	/** Open escalations whose Chatwoot side is waiting for a retry. */
	public List<Due> dueForSync(int batch) {
		return jdbc.sql("""
				SELECT id, conversation_id, chatwoot_attempts FROM escalations
				WHERE chatwoot_state = 'retry' AND status = 'open' AND next_sync_at <= now()
				ORDER BY next_sync_at LIMIT :batch""")
			.param("batch", batch)
			.query((rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
			.list();
	}

	/** Records one attempt at the Chatwoot side: {@code done}, {@code retry} (after {@code wait}) or {@code failed}. */
	public void recordSync(long id, String state, String error, Duration wait) {
		jdbc.sql("""
				UPDATE escalations SET chatwoot_state = :state, chatwoot_error = :error,
				  chatwoot_attempts = chatwoot_attempts + 1, next_sync_at = now() + make_interval(secs => :wait)
				WHERE id = :id""")
			.param("state", state)
			.param("error", error.isEmpty() ? null : error)
			.param("wait", wait.toMillis() / 1000.0)
			.param("id", id)
			.update();
	}

	/** GDPR erasure: the context packs quote the customer; reason, dates and who resolved stay. */
	public int eraseContext(java.util.Collection<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		return jdbc.sql("UPDATE escalations SET context_pack = '', chatwoot_error = NULL WHERE conversation_id IN (:ids)")
			.param("ids", List.copyOf(conversationIds))
			.update();
	}

	private static EscalationView view(ResultSet rs, int n) throws SQLException {
		Timestamp resolved = rs.getTimestamp("resolved_at");
		return new EscalationView(rs.getLong("id"), rs.getLong("conversation_id"),
				HandoffReason.valueOf(rs.getString("reason")), rs.getString("context_pack"), rs.getString("status"),
				rs.getTimestamp("created_at").toInstant(), resolved == null ? null : resolved.toInstant(),
				rs.getString("resolved_by"));
	}

}
