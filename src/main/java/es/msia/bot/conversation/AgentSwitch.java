package es.msia.bot.conversation;

import es.msia.bot.shared.StoredSetting;
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
		return StoredSetting.of(jdbc, KEY).read()
			.map(v -> !"false".equals(v))
			.orElse(true);
	}

	public void set(boolean enabled, String actor) {
		StoredSetting.of(jdbc, KEY).write(Boolean.toString(enabled), actor);
	}

}
