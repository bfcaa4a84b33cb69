package es.msia.bot.shared;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks customers' personal data in text bound for the logs (exception messages can carry SQL values,
 * Chatwoot or OpenRouter bodies): phone numbers keep their last three digits, DNI/NIE their check letter,
 * e-mail addresses their domain. Logs are shipped and kept longer than the data's purpose allows; the
 * panel, not the log, is where staff read a customer's details. {@code LogScanIT} checks the result.
 */
public final class LogMasks {

	/** International numbers (+…) and Spanish ones (9 digits from 6 to 9, optional 34/0034); not our long ids. */
	private static final Pattern PHONE = Pattern.compile(
			"\\+\\d[\\d -]{5,15}(\\d{3})(?!\\d)|(?<![\\d+])(?:(?:00)?34[ -]?)?[6-9]\\d{2}[ -]?\\d{3}[ -]?(\\d{3})(?!\\d)");

	private static final Pattern DNI = Pattern.compile("(?<![0-9A-Za-z])[XYZxyz]?[ -]?\\d{7,8}[ -]?([A-Za-z])(?![0-9A-Za-z])");

	private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@([A-Za-z0-9.-]+\\.[A-Za-z]{2,})");

	private LogMasks() {
	}

	/** The text with phone numbers, DNI/NIE and e-mail addresses masked; null stays null. */
	public static String text(Object value) {
		if (value == null) {
			return null;
		}
		String text = DNI.matcher(value.toString()).replaceAll("********$1");
		text = EMAIL.matcher(text).replaceAll("***@$1");
		Matcher phone = PHONE.matcher(text);
		return phone.replaceAll(match -> "***" + (match.group(1) != null ? match.group(1) : match.group(2)));
	}

	/** A phone number as it may appear in a log line: its last three digits. */
	public static String phone(String phone) {
		if (phone == null || phone.length() <= 3) {
			return "***";
		}
		return "***" + phone.substring(phone.length() - 3);
	}

}
