package es.msia.bot.chatwoot;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import es.msia.bot.shared.Reachability.State;
import es.msia.bot.support.FakeChatwoot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatwootHealthTests {

	@Test
	void isUpWhenChatwootAnswersTheUserToken() {
		try (FakeChatwoot chatwoot = new FakeChatwoot()) {
			ChatwootHealth health = new ChatwootHealth(settings(chatwoot.url(), FakeChatwoot.TOKEN, FakeChatwoot.USER_TOKEN));

			assertThat(health.check().state()).isEqualTo(State.UP);
			assertThat(chatwoot.requests()).hasSize(1);
			assertThat(chatwoot.requests().get(0).getUrl().encodedPath()).isEqualTo("/api/v1/accounts/1/inboxes");
			// Cached: a page reload within half a minute does not ask again.
			assertThat(health.check().state()).isEqualTo(State.UP);
			assertThat(chatwoot.requests()).hasSize(1);
		}
	}

	@Test
	void aBotTokenAloneIsRefusedButShowsChatwootAnswers() {
		try (FakeChatwoot chatwoot = new FakeChatwoot()) {
			var result = new ChatwootHealth(settings(chatwoot.url(), FakeChatwoot.TOKEN, "")).check();

			assertThat(result.state()).isEqualTo(State.REFUSED);
			assertThat(result.detail()).isEqualTo("HTTP 401");
		}
	}

	@Test
	void isDownWhenNothingListens() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		var result = new ChatwootHealth(settings("http://localhost:" + port, "t", "u")).check();

		assertThat(result.state()).isEqualTo(State.DOWN);
		assertThat(result.detail()).isNotBlank();
	}

	@Test
	void isNotConfiguredWithoutAnUrl() {
		assertThat(new ChatwootHealth(settings("", "", "")).check().state()).isEqualTo(State.NOT_CONFIGURED);
	}

	private static ChatwootSettings settings(String url, String token, String userToken) {
		return new ChatwootSettings(url, token, userToken, FakeChatwoot.ACCOUNT, 1, Duration.ofSeconds(2),
				Duration.ofSeconds(2), 3, Duration.ofSeconds(1), Duration.ofMinutes(1), Duration.ofMinutes(1),
				Duration.ofMillis(250));
	}

}
