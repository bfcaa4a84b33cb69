package es.msia.bot.conversation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The panic button: when staff switch the agent off, every conversation goes to a person instead of
 * the bot. Stored in {@code settings} so every agent process sees it at its next turn.
 */
@Service
public class AgentSwitch {

	private static final String KEY = "agent_enabled";

	private final JdbcClient jdbc;

	AgentSwitch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public boolean enabled() {
		return jdbc.sql("SELECT value::text FROM settings WHERE key = :key")
			.param("key", KEY)
			.query(String.class)
			.optional()
			.map(v -> !"false".equals(v))
			.orElse(true);
	}

	public void set(boolean enabled, String actor) {
		jdbc.sql("""
				INSERT INTO settings (key, value, updated_by) VALUES (:key, CAST(:value AS jsonb), :actor)
				ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = now()""")
			.param("key", KEY)
			.param("value", Boolean.toString(enabled))
			.param("actor", actor)
			.update();
	}

}
