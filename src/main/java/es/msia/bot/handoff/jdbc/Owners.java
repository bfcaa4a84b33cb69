package es.msia.bot.handoff.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import es.msia.bot.handoff.Owner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code conversation_owners} table; no row means the bot owns the conversation. Changes run inside
 * the caller's transaction and lock the row, so the returned previous owner is exact.
 */
@Repository
public class Owners {

	private final JdbcClient jdbc;

	Owners(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Owner ownerOf(long conversationId) {
		return jdbc.sql("SELECT owner FROM conversation_owners WHERE conversation_id = :c")
			.param("c", conversationId)
			.query(String.class)
			.optional()
			.map(Owner::valueOf)
			.orElse(Owner.BOT);
	}

	/** Sets the owner (keeping {@code since} when it does not change) and returns the previous one. */
	public Owner change(long conversationId, Owner owner, String actor, Instant at) {
		Owner previous = lockedOwner(conversationId);
		if (previous != owner) {
			jdbc.sql("""
					INSERT INTO conversation_owners (conversation_id, owner, since, changed_by)
					VALUES (:c, :owner, :at, :actor)
					ON CONFLICT (conversation_id) DO UPDATE
					SET owner = EXCLUDED.owner, since = EXCLUDED.since, changed_by = EXCLUDED.changed_by""")
				.param("c", conversationId)
				.param("owner", owner.name())
				.param("at", Timestamp.from(at))
				.param("actor", actor)
				.update();
		}
		return previous;
	}

	/** A person wrote in the conversation: they own it, and the idle clock restarts. */
	public Owner humanSpoke(long conversationId, String actor, Instant at) {
		Owner previous = change(conversationId, Owner.HUMAN, actor, at);
		jdbc.sql("""
				UPDATE conversation_owners SET last_human_at = GREATEST(COALESCE(last_human_at, :at), :at)
				WHERE conversation_id = :c""").param("at", Timestamp.from(at)).param("c", conversationId).update();
		return previous;
	}

	/** Human-owned conversations where neither the takeover nor any human message is newer than {@code cutoff}. */
	public List<Long> humanIdleSince(Instant cutoff) {
		return jdbc.sql("""
				SELECT conversation_id FROM conversation_owners
				WHERE owner = 'HUMAN' AND GREATEST(since, COALESCE(last_human_at, since)) < :cutoff""")
			.param("cutoff", Timestamp.from(cutoff))
			.query(Long.class)
			.list();
	}

	/** True for the bot's conversations, and for others whose owner changed before {@code instant}. */
	public boolean ownedByBotOrChangedBefore(long conversationId, Instant instant) {
		return jdbc.sql("""
				SELECT NOT EXISTS (SELECT 1 FROM conversation_owners
				                   WHERE conversation_id = :c AND owner <> 'BOT' AND since >= :at)""")
			.param("c", conversationId)
			.param("at", Timestamp.from(instant))
			.query(Boolean.class)
			.single();
	}

	private Owner lockedOwner(long conversationId) {
		return jdbc.sql("SELECT owner FROM conversation_owners WHERE conversation_id = :c FOR UPDATE")
			.param("c", conversationId)
			.query(String.class)
			.optional()
			.map(Owner::valueOf)
			.orElse(Owner.BOT);
	}

}
