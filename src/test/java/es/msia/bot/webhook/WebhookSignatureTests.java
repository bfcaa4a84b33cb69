package es.msia.bot.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTests {

	// The test vector of protocols.md A6.
	static final byte[] BODY = "{\"event\":\"message_created\",\"id\":4242}".getBytes(StandardCharsets.UTF_8);

	static final String SIGNATURE = "sha256=59fdc14d7f099f07e2acf1aa58f50d1515ffb0480e21510aeddc7e1aaa12ade1";

	final WebhookSignature signature = new WebhookSignature("whsec-test-123", 300,
			Clock.fixed(Instant.ofEpochSecond(1760000000 + 60), ZoneOffset.UTC));

	@Test
	void acceptsTheProtocolTestVector() {
		assertThat(signature.problem("1760000000", SIGNATURE, BODY)).isNull();
	}

	@Test
	void refusesAModifiedBody() {
		byte[] other = "{\"event\":\"message_created\",\"id\":4243}".getBytes(StandardCharsets.UTF_8);

		assertThat(signature.problem("1760000000", SIGNATURE, other)).isEqualTo("bad signature");
	}

	@Test
	void refusesAStaleTimestampEvenWithAValidSignature() {
		WebhookSignature later = new WebhookSignature("whsec-test-123", 300,
				Clock.fixed(Instant.ofEpochSecond(1760000000 + 301), ZoneOffset.UTC));

		assertThat(later.problem("1760000000", SIGNATURE, BODY)).isEqualTo("stale timestamp");
	}

	@Test
	void refusesMissingOrMalformedHeaders() {
		assertThat(signature.problem(null, SIGNATURE, BODY)).isEqualTo("missing signature headers");
		assertThat(signature.problem("1760000000", null, BODY)).isEqualTo("missing signature headers");
		assertThat(signature.problem("yesterday", SIGNATURE, BODY)).isEqualTo("bad timestamp");
	}

}
