package es.msia.bot.platform.boot;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports configuration problems as a plain list, one line each.
 */
public class InvalidConfigurationAnalyzer extends AbstractFailureAnalyzer<InvalidConfiguration> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfiguration cause) {
		String lines = cause.problems().stream().map(p -> "  - " + p).collect(Collectors.joining("\n"));
		return new FailureAnalysis("MSI-a cannot start, the configuration has problems:\n" + lines,
				"Fix the variables above (see .env.example) and start again.", cause);
	}

}
