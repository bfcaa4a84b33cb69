package es.msia.bot.platform.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an embedded service that could not start as one line of what happened and one of what to do.
 */
public class EmbeddedServicesFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedServicesFailure> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedServicesFailure cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
