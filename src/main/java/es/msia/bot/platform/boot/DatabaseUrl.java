package es.msia.bot.platform.boot;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The external PostgreSQL connection, from {@code DATABASE_URL} (the seed's
 * {@code postgresql://user:pass@host:port/db} form, or a JDBC URL) or from the {@code POSTGRES_*}
 * variables.
 */
record DatabaseUrl(String jdbcUrl, @Nullable String username, @Nullable String password) {

	static @Nullable DatabaseUrl from(Environment env, List<String> problems) {
		String url = env.getProperty("DATABASE_URL", "").trim();
		if (!url.isEmpty()) {
			return parse(url, problems);
		}
		String host = env.getProperty("POSTGRES_HOST", "").trim();
		if (host.isEmpty()) {
			return null;
		}
		String port = env.getProperty("POSTGRES_PORT", "5432");
		String db = env.getProperty("POSTGRES_DB", "msia");
		return new DatabaseUrl("jdbc:postgresql://" + host + ":" + port + "/" + db,
				env.getProperty("POSTGRES_USER", "postgres"), env.getProperty("POSTGRES_PASSWORD"));
	}

	static @Nullable DatabaseUrl parse(String url, List<String> problems) {
		if (url.startsWith("jdbc:postgresql://")) {
			return new DatabaseUrl(url, null, null);
		}
		try {
			URI uri = URI.create(url.replaceFirst("^postgresql\\+\\w+://", "postgresql://"));
			if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
				problems.add("DATABASE_URL: must start with postgresql:// or jdbc:postgresql:// (got '"
						+ uri.getScheme() + "')");
				return null;
			}
			if (uri.getHost() == null) {
				problems.add("DATABASE_URL: no host in '" + redact(url) + "'");
				return null;
			}
			int port = uri.getPort() == -1 ? 5432 : uri.getPort();
			String path = uri.getRawPath() == null || uri.getRawPath().length() <= 1 ? "/postgres" : uri.getRawPath();
			String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
			String user = null;
			String password = null;
			if (uri.getRawUserInfo() != null) {
				String[] parts = uri.getRawUserInfo().split(":", 2);
				user = decode(parts[0]);
				password = parts.length > 1 ? decode(parts[1]) : null;
			}
			return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + path + query, user, password);
		}
		catch (IllegalArgumentException ex) {
			problems.add("DATABASE_URL: not a valid URL (" + ex.getMessage() + ")");
			return null;
		}
	}

	private static String decode(String text) {
		return URLDecoder.decode(text, StandardCharsets.UTF_8);
	}

	private static String redact(String url) {
		return url.replaceAll("//[^@/]*@", "//***@");
	}

}
