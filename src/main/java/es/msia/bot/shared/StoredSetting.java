package es.msia.bot.shared;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One row of the {@code settings} table: a value staff set in the panel (JSON text) over an environment
 * default, with who set it. Each module owns its keys and reads them at every use, so every replica sees a
 * change at once; this is only the row's reading and writing, kept in one place.
 */
public record StoredSetting(JdbcClient jdbc, String key) {

	public static StoredSetting of(JdbcClient jdbc, String key) {
		return new StoredSetting(jdbc, key);
	}

	/** The stored JSON text, if staff set one. */
	public Optional<String> read() {
		return jdbc.sql("SELECT value::text FROM settings WHERE key = :key").param("key", key).query(String.class).optional();
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
	}

	/** Drops the staff's value: back to the environment default. */
	public void clear() {
		jdbc.sql("DELETE FROM settings WHERE key = :key").param("key", key).update();
	}

}
