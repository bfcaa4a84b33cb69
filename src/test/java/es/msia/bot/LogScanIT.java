package es.msia.bot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.FakeOpenRouter;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test (its own failsafe execution, see pom.xml) and reads the log
 * they wrote to {@code target/test-logs/}: no secret the tests configured, no complete DNI/NIE (with a
 * valid check letter) and no complete phone number may appear in it. Customers' data and credentials
 * must be masked wherever the application logs them.
 */
class LogScanIT {

	static final Path LOGS = Path.of("target/test-logs");

	/** Every credential the test run hands the application (see application-test.yaml and the fakes). */
	static final Map<String, String> SECRETS = Map.of("Chatwoot bot token", FakeChatwoot.TOKEN,
			"Chatwoot user token", FakeChatwoot.USER_TOKEN, "webhook token", "test-webhook-token-0123456789",
			"webhook HMAC secret", "whsec-test-123", "OpenRouter key", FakeOpenRouter.KEY,
			"admin JWT secret", "test-jwt-secret-0123456789abcdef-0123456789", "panel password", "una-contraseña-larga",
			"catalogue admin password", "s3cret-pass");

	static final Pattern DNI = Pattern.compile("(?<![0-9A-Za-z])([XYZxyz]?)[ -]?(\\d{7,8})[ -]?([A-Za-z])(?![0-9A-Za-z])");

	// Not inside a longer token: a random trace id ("trace=4cf3c34944202448") may hold eleven such digits.
	static final Pattern PHONE = Pattern.compile("(?<![\\p{Alnum}])(?:\\+|00)?34[ -]?[6789](?:[ -]?\\d){8}(?![\\p{Alnum}])");

	static final String LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

	@Test
	void findsNoSecretNoDniAndNoPhoneNumberInTheTestRunsLogs() throws IOException {
		Assumptions.assumeTrue(Files.isDirectory(LOGS), "no integration test wrote a log in this run");
		List<String> findings = new ArrayList<>();
		long lines = 0;
		try (Stream<Path> files = Files.list(LOGS)) {
			for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
				int number = 0;
				for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
					number++;
					lines++;
					String where = file.getFileName() + ":" + number;
					SECRETS.forEach((name, secret) -> {
						if (line.contains(secret)) {
							findings.add(where + " " + name);
						}
					});
					Matcher dni = DNI.matcher(line);
					while (dni.find()) {
						if (validDni(dni.group(1), dni.group(2), dni.group(3))) {
							findings.add(where + " DNI/NIE ending " + dni.group(3) + ": " + excerpt(line, dni.start()));
						}
					}
					Matcher phone = PHONE.matcher(line);
					if (phone.find()) {
						findings.add(where + " phone number: " + excerpt(line, phone.start()));
					}
				}
			}
		}
		Assumptions.assumeTrue(lines > 0, "the log is empty");
		org.assertj.core.api.Assertions.assertThat(findings).as("scanned %d log lines", lines).isEmpty();
	}

	static boolean validDni(String niePrefix, String digits, String letter) {
		String number = digits;
		if (!niePrefix.isEmpty()) {
			if (digits.length() != 7) {
				return false;
			}
			number = "XYZ".indexOf(Character.toUpperCase(niePrefix.charAt(0))) + digits;
		}
		else if (digits.length() != 8) {
			return false;
		}
		return LETTERS.charAt((int) (Long.parseLong(number) % 23)) == Character.toUpperCase(letter.charAt(0));
	}

	/** Where in the line, without repeating the whole value into the report. */
	private static String excerpt(String line, int at) {
		return line.substring(Math.max(0, at - 40), at) + "…";
	}

}
