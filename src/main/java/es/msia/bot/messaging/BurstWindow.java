package es.msia.bot.messaging;

import java.time.Duration;
import java.util.Optional;

import es.msia.bot.shared.StoredSetting;
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
		return StoredSetting.of(jdbc, KEY).read()
			.filter(v -> v.matches("\\d+"))
			.map(Integer::valueOf);
	}

	/** Sets the window (0 answers every message on its own). */
	public void set(int seconds, String actor) {
		if (seconds < 0 || seconds > MAX_SECONDS) {
			throw new IllegalArgumentException("Burst window must be 0-" + MAX_SECONDS + " s: " + seconds);
		}
		StoredSetting.of(jdbc, KEY).write(Integer.toString(seconds), actor);
	}

	/** Drops the panel's override: back to the configured default. */
	public void reset() {
		StoredSetting.of(jdbc, KEY).clear();
	}

}
