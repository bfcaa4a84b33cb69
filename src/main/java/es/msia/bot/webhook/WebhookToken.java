package es.msia.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webhook URL token in force. Exposed so the panel's simulator can post through the same
 * authenticated path as Chatwoot.
 */
@Component
public class WebhookToken {

	private static final Logger log = LoggerFactory.getLogger(WebhookToken.class);

	private final String token;

	private final @Nullable WebhookSignature signature;

	WebhookToken(WebhookSettings settings) {
		this.signature = settings.secret().isBlank() ? null
				: new WebhookSignature(settings.secret(), settings.maxAge().toSeconds(), Clock.systemUTC());
		if (settings.token().isBlank()) {
			byte[] random = new byte[24];
			new SecureRandom().nextBytes(random);
			this.token = HexFormat.of().formatHex(random);
			log.warn("CHATWOOT_WEBHOOK_TOKEN is not set: generated a token for this run. Webhook URL: "
					+ "/api/chatwoot/webhook?token={}", token);
		}
		else {
			this.token = settings.token();
		}
	}

	/** The token, for in-process callers such as the simulator. */
	public String value() {
		return token;
	}

	/**
	 * The {@code X-Chatwoot-Timestamp}/{@code X-Chatwoot-Signature} headers Chatwoot would send with this
	 * body, for in-process callers; empty when no webhook secret is configured (no signature is checked).
	 */
	public Map<String, String> signatureHeaders(byte[] body) {
		if (signature == null) {
			return Map.of();
		}
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		return Map.of("X-Chatwoot-Timestamp", timestamp, "X-Chatwoot-Signature", "sha256=" + signature.sign(timestamp, body));
	}

	/** The signature deliveries must carry; {@code null} when no webhook secret is configured. */
	@Nullable WebhookSignature signature() {
		return signature;
	}

	/** Constant-time comparison, so response timing reveals nothing about the token. */
	boolean matches(String candidate) {
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

}
