package es.msia.bot.platform.boot;

/**
 * The embedded PostgreSQL or Redis cannot be started, with what the operator should do about it;
 * {@link EmbeddedServicesFailureAnalyzer} prints both as the start-up report instead of a stack trace.
 */
public class EmbeddedServicesFailure extends RuntimeException {

	private final String action;

	public EmbeddedServicesFailure(String message, String action, Throwable cause) {
		super(message, cause);
		this.action = action;
	}

	public EmbeddedServicesFailure(String message, String action) {
		super(message);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
