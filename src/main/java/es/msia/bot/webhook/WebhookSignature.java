package es.msia.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

/**
 * Chatwoot's webhook signature (v4.11+): {@code X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret,
 * "<timestamp>.<raw body>")>} with {@code X-Chatwoot-Timestamp} in unix seconds.
 */
final class WebhookSignature {

	private final byte[] secret;

	private final long maxAgeSeconds;

	private final Clock clock;

	WebhookSignature(String secret, long maxAgeSeconds, Clock clock) {
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.maxAgeSeconds = maxAgeSeconds;
		this.clock = clock;
	}

	/** Why the delivery is refused, or null when the signature is valid and fresh. */
	@Nullable String problem(@Nullable String timestamp, @Nullable String signature, byte[] body) {
		if (timestamp == null || signature == null) {
			return "missing signature headers";
		}
		long seconds;
		try {
			seconds = Long.parseLong(timestamp.trim());
		}
		catch (NumberFormatException ex) {
			return "bad timestamp";
		}
		if (Math.abs(Instant.now(clock).getEpochSecond() - seconds) > maxAgeSeconds) {
			return "stale timestamp";
		}
		byte[] expected = ("sha256=" + sign(timestamp.trim(), body)).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8)) ? null
				: "bad signature";
	}

	String sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

}
