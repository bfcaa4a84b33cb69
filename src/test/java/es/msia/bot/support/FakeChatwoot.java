package es.msia.bot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Chatwoot Application API that speaks the documented protocol (protocols.md B2, B3, B5): the
 * {@code api_access_token} header, the create-message response with an int {@code message_type} and
 * {@code status: "sent"}, 401/404 error bodies, the 200-messages-per-minute guard, and scripted
 * failures (429 with Retry-After, 5xx, slow answers) for resilience tests.
 */
public final class FakeChatwoot implements AutoCloseable {

	public static final String TOKEN = "bot-token-for-tests";

	public static final long ACCOUNT = 1;

	private static final Pattern CREATE_MESSAGE = Pattern
		.compile("^/api/v1/accounts/(\\d+)/conversations/(\\d+)/messages$");

	/** A message Chatwoot stored. */
	public record StoredMessage(long id, long conversationId, String content, boolean privateNote, JsonNode body,
			Instant at) {
	}

	private final MockWebServer server = new MockWebServer();

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicLong ids = new AtomicLong(30_000);

	private final List<StoredMessage> messages = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Deque<MockResponse> scripted = new ConcurrentLinkedDeque<>();

	private final Map<Long, Deque<Instant>> perMinute = new ConcurrentHashMap<>();

	public FakeChatwoot() {
		server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				requests.add(request);
				return answer(request);
			}
		});
		try {
			server.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Base URL to configure as {@code CHATWOOT_API_URL}. */
	public String url() {
		return server.url("/").toString().replaceAll("/$", "");
	}

	/** The next {@code times} calls answer with this status (and Retry-After seconds when given). */
	public void failNext(int times, int status, Integer retryAfterSeconds) {
		for (int i = 0; i < times; i++) {
			MockResponse.Builder builder = new MockResponse.Builder().code(status);
			if (status == 429) {
				builder.setHeader("Content-Type", "text/plain").body("Retry later\n");
			}
			else {
				builder.setHeader("Content-Type", "application/json").body("{\"error\":\"Internal Server Error\"}");
			}
			if (retryAfterSeconds != null) {
				builder.setHeader("Retry-After", retryAfterSeconds);
			}
			scripted.add(builder.build());
		}
	}

	/** Messages stored for a conversation, oldest first. */
	public List<StoredMessage> messages(long conversationId) {
		return messages.stream().filter(m -> m.conversationId() == conversationId).toList();
	}

	public List<RecordedRequest> requests() {
		return new ArrayList<>(requests);
	}

	public int requestsFor(long conversationId) {
		return (int) requests.stream().filter(r -> r.getUrl().encodedPath().contains("/conversations/" + conversationId + "/")).count();
	}

	private MockResponse answer(RecordedRequest request) {
		String token = request.getHeaders().get("api_access_token");
		if (token == null || !token.equals(TOKEN)) {
			return json(401, "{\"error\":\"Invalid Access Token\"}");
		}
		MockResponse script = scripted.poll();
		if (script != null) {
			return script;
		}
		Matcher create = CREATE_MESSAGE.matcher(request.getUrl().encodedPath());
		if (!"POST".equals(request.getMethod()) || !create.matches()) {
			return json(404, "{\"error\":\"Resource could not be found\"}");
		}
		if (Long.parseLong(create.group(1)) != ACCOUNT) {
			return json(401, "{\"error\":\"You are not authorized to access this account\"}");
		}
		return createMessage(Long.parseLong(create.group(2)), json.readTree(request.getBody().utf8()));
	}

	private MockResponse createMessage(long conversationId, JsonNode body) {
		if (tooManyMessages(conversationId)) {
			return json(422, "{\"error\":\"Validation failed: Too many messages\"}");
		}
		if ("incoming".equals(body.path("message_type").asString(""))) {
			return json(422, "{\"error\":\"Incoming messages are only allowed in Api inboxes\"}");
		}
		long id = ids.incrementAndGet();
		boolean privateNote = body.path("private").asBoolean(false);
		String content = body.path("content").asString("");
		messages.add(new StoredMessage(id, conversationId, content, privateNote, body, Instant.now()));
		String response = json.writeValueAsString(Map.of("id", id, "content", content, "inbox_id", 9, "conversation_id",
				conversationId, "message_type", 1, "content_type", "text", "status", "sent", "content_attributes", Map.of(),
				"created_at", Instant.now().getEpochSecond(), "private", privateNote));
		return json(200, response);
	}

	private boolean tooManyMessages(long conversationId) {
		Deque<Instant> window = perMinute.computeIfAbsent(conversationId, id -> new ConcurrentLinkedDeque<>());
		Instant now = Instant.now();
		while (!window.isEmpty() && window.peekFirst().isBefore(now.minusSeconds(60))) {
			window.pollFirst();
		}
		window.add(now);
		return window.size() > 200;
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	public RecordedRequest takeRequest(long seconds) throws InterruptedException {
		return server.takeRequest(seconds, TimeUnit.SECONDS);
	}

	@Override
	public void close() {
		server.close();
	}

}
