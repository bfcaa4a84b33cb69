package es.msia.bot.platform.boot;

import java.util.List;

/**
 * Thrown at start-up when the configuration has problems; {@link InvalidConfigurationAnalyzer} turns it
 * into one line per problem instead of a stack trace.
 */
public class InvalidConfiguration extends RuntimeException {

	private final List<String> problems;

	public InvalidConfiguration(List<String> problems) {
		super("Invalid configuration: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}

}
