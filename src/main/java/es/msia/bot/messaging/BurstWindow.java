package es.msia.bot.messaging;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The burst window in force: the panel's override (row {@code message_batch_window_seconds} of
 * {@code settings}) over {@code MESSAGE_BATCH_WINDOW_SECONDS}. Read at every turn, so every agent replica
 * applies a change at its next message.
 */
@Service
public class BurstWindow {

	static final String KEY = "message_batch_window_seconds";

	/** Longer would make every customer wait too long for a reply. */
	public static final int MAX_SECONDS = 60;

	private final JdbcClient jdbc;

	private final MessagingSettings settings;

	BurstWindow(JdbcClient jdbc, MessagingSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	/** The window turns wait for now. */
	public Duration current() {
		return override().map(Duration::ofSeconds).orElse(settings.burstWindow());
	}

	/** The window from the environment, used when the panel sets none. */
	public Duration defaultWindow() {
		return settings.burstWindow();
	}

	/** The panel's override, in seconds, if any. */
	public Optional<Integer> override() {
		return jdbc.sql("SELECT value::text FROM settings WHERE key = :key")
			.param("key", KEY)
			.query(String.class)
			.optional()
			.filter(v -> v.matches("\\d+"))
			.map(Integer::valueOf);
	}

	/** Sets the window (0 answers every message on its own). */
	public void set(int seconds, String actor) {
		if (seconds < 0 || seconds > MAX_SECONDS) {
			throw new IllegalArgumentException("Burst window must be 0-" + MAX_SECONDS + " s: " + seconds);
		}
		jdbc.sql("""
				INSERT INTO settings (key, value, updated_by) VALUES (:key, CAST(:value AS jsonb), :actor)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()""")
			.param("key", KEY)
			.param("value", Integer.toString(seconds))
			.param("actor", actor)
			.update();
	}

	/** Drops the panel's override: back to the configured default. */
	public void reset() {
		jdbc.sql("DELETE FROM settings WHERE key = :key").param("key", KEY).update();
	}

}
