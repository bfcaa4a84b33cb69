package es.msia.bot.platform.boot;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.env.Environment;

/**
 * Checks the variables whose mistakes would otherwise surface late and obscurely: each problem becomes
 * one line of the start-up report.
 */
final class StartupChecks {

	private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]?\\$\\d{2}\\$[./A-Za-z0-9]{53}$");

	private final Environment env;

	private final List<String> problems;

	StartupChecks(Environment env, List<String> problems) {
		this.env = env;
		this.problems = problems;
	}

	void run() {
		String jwtSecret = value("ADMIN_JWT_SECRET");
		if (!jwtSecret.isEmpty() && jwtSecret.length() < 32) {
			problems.add("ADMIN_JWT_SECRET: too short (" + jwtSecret.length()
					+ " characters); use at least 32, e.g. `openssl rand -hex 32`");
		}
		String hash = value("ADMIN_PASSWORD_HASH");
		if (!hash.isEmpty() && !BCRYPT.matcher(hash).matches()) {
			problems.add("ADMIN_PASSWORD_HASH: not a bcrypt hash (expected $2a$/$2b$/$2y$ and 60 characters)");
		}
		String webhookToken = value("CHATWOOT_WEBHOOK_TOKEN");
		if (!webhookToken.isEmpty() && webhookToken.length() < 16) {
			problems.add("CHATWOOT_WEBHOOK_TOKEN: too short (" + webhookToken.length() + " characters); use at least 16");
		}
		checkChatwoot();
		checkUrl("OPENROUTER_BASE_URL");
		if (env.containsProperty("LLM_MODEL") && value("LLM_MODEL").isEmpty()) {
			problems.add("LLM_MODEL: set but empty; remove it to use the default or name a model");
		}
	}

	private void checkChatwoot() {
		String apiUrl = value("CHATWOOT_API_URL");
		checkUrl("CHATWOOT_API_URL");
		if (apiUrl.isEmpty()) {
			return;
		}
		if (value("CHATWOOT_API_TOKEN").isEmpty()) {
			problems.add("CHATWOOT_API_TOKEN: required when CHATWOOT_API_URL is set");
		}
		String account = value("CHATWOOT_ACCOUNT_ID");
		if (account.isEmpty()) {
			problems.add("CHATWOOT_ACCOUNT_ID: required when CHATWOOT_API_URL is set");
		}
		else if (!account.matches("\\d+")) {
			problems.add("CHATWOOT_ACCOUNT_ID: must be a number (got '" + account + "')");
		}
		String inbox = value("CHATWOOT_INBOX_ID");
		if (!inbox.isEmpty() && !inbox.matches("\\d+")) {
			problems.add("CHATWOOT_INBOX_ID: must be a number (got '" + inbox + "')");
		}
	}

	private void checkUrl(String name) {
		String url = value(name);
		if (url.isEmpty()) {
			return;
		}
		try {
			URI uri = URI.create(url);
			if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
				problems.add(name + ": must be an http(s) URL (got '" + url + "')");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(name + ": not a valid URL (got '" + url + "')");
		}
	}

	private String value(String name) {
		return env.getProperty(name, "").trim();
	}

}
