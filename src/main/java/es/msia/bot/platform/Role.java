package es.msia.bot.platform;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A role of the MSI-a process. One process may run any subset; by default it runs all three.
 */
public enum Role {

	/** Webhook intake and REST API on port 8000. */
	API,

	/** Consumer of {@code incoming_messages} and sender of replies. */
	AGENT,

	/** Admin panel on port 3001. */
	ADMIN;

	/**
	 * Parses a comma-separated list such as {@code "api,agent"}; unknown names are reported in
	 * {@code problems} rather than thrown, so start-up can list every problem at once.
	 */
	public static Set<Role> parse(String text, List<String> problems) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String part : text.split(",")) {
			String name = part.trim().toUpperCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			try {
				roles.add(Role.valueOf(name));
			}
			catch (IllegalArgumentException ex) {
				problems.add("MSIA_ROLES: unknown role '" + part.trim() + "' (use api, agent, admin)");
			}
		}
		if (roles.isEmpty() && problems.isEmpty()) {
			problems.add("MSIA_ROLES: no role given (use api, agent, admin)");
		}
		return roles;
	}

	/** The boolean property that beans of this role are conditional on, e.g. {@code msia.role.agent}. */
	public String property() {
		return "msia.role." + name().toLowerCase(Locale.ROOT);
	}

}
