package es.msia.bot.cases;

/**
 * A value the customer gave does not pass validation; {@code reason} is a message key of
 * {@code messages/cases.properties} that explains why, in Spanish.
 */
public class InvalidValue extends RuntimeException {

	private final String reason;

	public InvalidValue(String reason, String value) {
		super(reason + ": " + value);
		this.reason = reason;
	}

	/** The message key of the explanation. */
	public String reason() {
		return this.reason;
	}

}
