package es.msia.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

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

	WebhookToken(WebhookSettings settings) {
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

	/** Constant-time comparison, so response timing reveals nothing about the token. */
	boolean matches(String candidate) {
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
				candidate.getBytes(StandardCharsets.UTF_8));
	}

}
