package es.msia.bot.platform.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may scrape {@code /actuator/prometheus}. The API port faces the internet (Chatwoot calls it), and
 * the metrics tell volumes and LLM spending, so: with {@code METRICS_TOKEN} set, whoever sends it as a
 * bearer token; without it, only loopback and private-network addresses (Prometheus beside the app, in
 * the same compose network). Behind the TLS proxy the client address comes from X-Forwarded-For
 * (server.forward-headers-strategy=native), so a request relayed from the internet is not "private".
 */
final class MetricsAccess implements AuthorizationManager<RequestAuthorizationContext> {

	/** {@code msia.metrics.token} ({@code METRICS_TOKEN}); blank means network-restricted. */
	@ConfigurationProperties("msia.metrics")
	record Settings(String token) {

		Settings {
			token = token == null ? "" : token.strip();
		}
	}

	private final byte[] token;

	MetricsAccess(Settings settings) {
		this.token = settings.token().getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		return new AuthorizationDecision(allowed(context.getRequest()));
	}

	boolean allowed(HttpServletRequest request) {
		if (token.length > 0) {
			String header = request.getHeader("Authorization");
			return header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(token,
					header.substring("Bearer ".length()).strip().getBytes(StandardCharsets.UTF_8));
		}
		try {
			InetAddress client = InetAddress.getByName(request.getRemoteAddr());
			return client.isLoopbackAddress() || client.isSiteLocalAddress() || isUniqueLocal(client);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	/** IPv6 fc00::/7, the private range Java's isSiteLocalAddress (the old fec0::/10) does not cover. */
	private static boolean isUniqueLocal(InetAddress address) {
		byte[] bytes = address.getAddress();
		return bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
	}

}
