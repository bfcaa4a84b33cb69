package es.msia.bot.cases.files;

/**
 * A customer file was not stored; {@code reason} is {@code size}, {@code type} or {@code host} (also used
 * for download failures), the suffix of the {@code files.refused.*} text.
 */
public class FileRefused extends RuntimeException {

	private final String reason;

	public FileRefused(String reason, String detail) {
		super(reason + ": " + detail);
		this.reason = reason;
	}

	public String reason() {
		return reason;
	}

}
