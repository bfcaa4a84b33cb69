package es.msia.bot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * Starts a mock web server that records every request before a fake answers it: the shared bootstrap
 * of {@link FakeChatwoot} and {@link FakeOpenRouter}.
 */
final class RecordingServer {

	private RecordingServer() {
	}

	static MockWebServer start(List<RecordedRequest> requests, Function<RecordedRequest, MockResponse> answer) {
		MockWebServer server = new MockWebServer();
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				requests.add(request);
				return answer.apply(request);
			}
		});
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server;
	}

}
