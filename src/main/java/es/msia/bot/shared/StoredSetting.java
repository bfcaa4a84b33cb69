package es.msia.bot.shared;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row of the {@code settings} table: a value staff set in the panel (JSON text) over an environment
 * default, with who set it. Each module owns its keys; this is only the row's reading and writing, kept in
 * one place.
 * <p>
 * Reads come from a snapshot of the whole (small) table, taken at most every {@link #MAX_AGE}: a turn
 * consults five settings, and five queries per turn were a tenth of the agent's database work. A write or
 * clear in this process drops the snapshot, so the panel's change applies here on the next read; other
 * replicas see it within {@link #MAX_AGE}.
 */
public record StoredSetting(JdbcClient jdbc, String key) {

	/** How late another process may see a change. */
	public static final Duration MAX_AGE = Duration.ofSeconds(2);

	private record Snapshot(Map<String, String> values, long takenAt) {
	}

	/** Per database client (tests run several application contexts in one JVM). */
	private static final Map<JdbcClient, Snapshot> SNAPSHOTS = new ConcurrentHashMap<>();

	public static StoredSetting of(JdbcClient jdbc, String key) {
		return new StoredSetting(jdbc, key);
	}

	/** The stored JSON text, if staff set one. */
	public Optional<String> read() {
		long now = System.nanoTime();
		Snapshot snapshot = SNAPSHOTS.get(jdbc);
		if (snapshot == null || now - snapshot.takenAt() >= MAX_AGE.toNanos()) {
			Map<String, String> values = new java.util.HashMap<>();
			jdbc.sql("SELECT key, value::text AS value FROM settings")
				.query(rs -> {
					values.put(rs.getString("key"), rs.getString("value"));
				});
			snapshot = new Snapshot(Map.copyOf(values), now);
			SNAPSHOTS.put(jdbc, snapshot);
		}
		return Optional.ofNullable(snapshot.values().get(key));
	}

	/** Stores the JSON text, remembering who set it and when. */
	public void write(String json, String actor) {
		jdbc.sql("""
				INSERT INTO settings (key, value, updated_by) VALUES (:key, CAST(:value AS jsonb), :actor)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()""")
			.param("key", key)
			.param("value", json)
			.param("actor", actor)
			.update();
		forgetSnapshots();
	}

	/** Drops the staff's value: back to the environment default. */
	public void clear() {
		jdbc.sql("DELETE FROM settings WHERE key = :key").param("key", key).update();
		forgetSnapshots();
	}

	/** Every client in this JVM reads the same database in practice (one per process, or the tests' shared one). */
	private static void forgetSnapshots() {
		SNAPSHOTS.clear();
	}

}
