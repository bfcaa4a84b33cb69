package es.msia.bot.support;

import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenRouter chat-completions endpoint speaking protocols.md part D (non-streaming):
 * {@code POST /api/v1/chat/completions} with {@code Authorization: Bearer}; D3 bodies with
 * {@code usage.cost}; tool-call turns ({@code content: null}, {@code finish_reason: "tool_calls"},
 * {@code arguments} as a JSON string); D4 errors {@code {"error":{"code","message","metadata"}}} for
 * 400/401/402/403/404/408/429 (with {@code Retry-After})/502/503; a 200 carrying an error and no choices;
 * D5 {@code models} fallback reporting the backup in {@code model}; malformed tool arguments; slow
 * answers for timeouts; raw bodies, empty choices and a D6 event stream with a mid-stream error.
 * <p>
 * Scripted answers are used first, in order; then the {@link #brain} answers from the request.
 */
public final class FakeOpenRouter implements AutoCloseable {

	public static final String KEY = "sk-or-v1-test-key";

	/** A tool call the fake returns: the tool name and its arguments as raw JSON text. */
	public record ToolCall(String name, String arguments) {

		public static ToolCall of(String name) {
			return new ToolCall(name, "{}");
		}

	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final com.knuddels.jtokkit.api.Encoding O200K = com.knuddels.jtokkit.Encodings.newLazyEncodingRegistry()
		.getEncoding(com.knuddels.jtokkit.api.EncodingType.O200K_BASE);

	private final MockWebServer server;

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Deque<Function<JsonNode, MockResponse>> scripted = new ConcurrentLinkedDeque<>();

	private final AtomicLong ids = new AtomicLong();

	private volatile Function<JsonNode, List<ToolCall>> brain = request -> List.of(ToolCall.of("off_topic"));

	private volatile boolean primaryDown;

	public FakeOpenRouter() {
		this.server = RecordingServer.start(requests, this::answer);
	}

	/** Base URL to configure as {@code OPENROUTER_BASE_URL}. */
	public String baseUrl() {
		return server.url("/api/v1").toString();
	}

	/** Decides the tool calls of unscripted requests (a stand-in for the model's understanding). */
	public void brain(Function<JsonNode, List<ToolCall>> brain) {
		this.brain = brain;
	}

	/** With a {@code models} array, the first model "fails" and the answer reports the next one. */
	public void primaryDown(boolean down) {
		this.primaryDown = down;
	}

	public void nextToolCalls(ToolCall... calls) {
		scripted.add(request -> toolCalls(request, List.of(calls)));
	}

	/** A D4 error; {@code retryAfterSeconds} adds the header (429/503). */
	public void nextError(int status, Integer retryAfterSeconds) {
		scripted.add(request -> {
			MockResponse.Builder builder = json(status, error(status).toString()).newBuilder();
			if (retryAfterSeconds != null) {
				builder.setHeader("Retry-After", retryAfterSeconds);
			}
			return builder.build();
		});
	}

	/** A 200 whose body carries an error object and no choices (D3/D4: errors after the model started). */
	public void nextErrorInside200() {
		scripted.add(request -> {
			ObjectNode body = envelope(request);
			body.set("error", error(502).get("error"));
			body.putArray("choices");
			return json(200, body.toString());
		});
	}

	/** Exactly this answer: for bodies no real server should send (malformed JSON, no choices, HTML). */
	public void nextRaw(int status, String contentType, String body) {
		scripted.add(request -> new MockResponse.Builder().code(status).setHeader("Content-Type", contentType).body(body).build());
	}

	/** A 200 with the D3 envelope but an empty {@code choices} array. */
	public void nextEmptyChoices() {
		scripted.add(request -> {
			ObjectNode body = envelope(request);
			body.putArray("choices");
			return json(200, body.toString());
		});
	}

	/**
	 * D6 streaming mode, for a client that did not ask for it: a 200 {@code text/event-stream} whose first
	 * chunk starts a tool call and whose next event is a mid-stream error ({@code code} as given: a number
	 * or the string {@code "server_error"}), then {@code [DONE]}.
	 */
	public void nextStreamWithMidStreamError(Object code) {
		scripted.add(request -> {
			String start = "{\"id\":\"gen-s\",\"object\":\"chat.completion.chunk\",\"created\":1772446507,"
					+ "\"model\":\"openai/gpt-4o-mini\",\"provider\":\"OpenAI\",\"choices\":[{\"index\":0,\"delta\":"
					+ "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_s\","
					+ "\"type\":\"function\",\"function\":{\"name\":\"greet\",\"arguments\":\"\"}}]},\"finish_reason\":null}]}";
			String codeJson = code instanceof Number ? code.toString() : "\"" + code + "\"";
			String error = "{\"id\":\"gen-s\",\"object\":\"chat.completion.chunk\",\"created\":1772446507,"
					+ "\"model\":\"openai/gpt-4o-mini\",\"provider\":\"OpenAI\",\"error\":{\"code\":" + codeJson
					+ ",\"message\":\"Rate limit exceeded\"},\"choices\":[{\"index\":0,\"delta\":{\"content\":\"\"},"
					+ "\"finish_reason\":\"error\"}]}";
			return new MockResponse.Builder().code(200).setHeader("Content-Type", "text/event-stream")
				.body(": OPENROUTER PROCESSING\n\ndata: " + start + "\n\ndata: " + error + "\n\ndata: [DONE]\n\n")
				.build();
		});
	}

	/** A tool call whose {@code arguments} string is not valid JSON. */
	public void nextMalformedArguments(String tool) {
		scripted.add(request -> toolCalls(request, List.of(new ToolCall(tool, "{\"mentions\": [\"escape"))));
	}

	/** A plain text answer with no tool call. */
	public void nextText(String content) {
		scripted.add(request -> {
			ObjectNode body = envelope(request);
			ObjectNode choice = body.putArray("choices").addObject();
			choice.put("index", 0).put("finish_reason", "stop").put("native_finish_reason", "stop");
			choice.putObject("message").put("role", "assistant").put("content", content);
			return json(200, body.toString());
		});
	}

	/** The next answer comes after {@code seconds} (for client timeouts). */
	public void nextSlow(int seconds) {
		scripted.add(request -> toolCalls(request, List.of(ToolCall.of("greet"))).newBuilder()
			.headersDelay(seconds, TimeUnit.SECONDS)
			.build());
	}

	public List<RecordedRequest> requests() {
		return new ArrayList<>(requests);
	}

	/** Request bodies, parsed, in arrival order. */
	public List<JsonNode> bodies() {
		return requests.stream().map(r -> JSON.readTree(r.getBody().utf8())).toList();
	}

	public int requestCount() {
		return requests.size();
	}

	private MockResponse answer(RecordedRequest request) {
		if ("GET".equals(request.getMethod()) && request.getUrl().encodedPath().equals("/api/v1/key")) {
			// The Sistema page's reachability probe: the key's limits, as OpenRouter answers GET /key.
			return ("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))
					? json(200, "{\"data\":{\"label\":\"sk-or-v1-tes...\",\"limit\":null,\"usage\":0,\"is_free_tier\":false}}")
					: json(401, error(401).toString());
		}
		if (!"POST".equals(request.getMethod()) || !request.getUrl().encodedPath().equals("/api/v1/chat/completions")) {
			return json(404, error(404).toString());
		}
		if (!("Bearer " + KEY).equals(request.getHeaders().get("Authorization"))) {
			return json(401, error(401).toString());
		}
		JsonNode body = JSON.readTree(request.getBody().utf8());
		Function<JsonNode, MockResponse> script = scripted.poll();
		if (script != null) {
			return script.apply(body);
		}
		return toolCalls(body, brain.apply(body));
	}

	private MockResponse toolCalls(JsonNode request, List<ToolCall> calls) {
		ObjectNode body = envelope(request);
		ObjectNode choice = body.putArray("choices").addObject();
		choice.put("index", 0).put("finish_reason", "tool_calls").put("native_finish_reason", "tool_calls");
		choice.putNull("logprobs");
		ObjectNode message = choice.putObject("message");
		message.put("role", "assistant").putNull("content");
		message.putNull("refusal");
		ArrayNode toolCalls = message.putArray("tool_calls");
		for (ToolCall call : calls) {
			ObjectNode item = toolCalls.addObject();
			item.put("id", "call_" + ids.incrementAndGet()).put("type", "function");
			item.putObject("function").put("name", call.name()).put("arguments", call.arguments());
		}
		return json(200, body.toString());
	}

	/** The D3 envelope with usage (prompt tokens: messages and tools counted in o200k, as gpt-4o-mini would) and cost. */
	private ObjectNode envelope(JsonNode request) {
		ObjectNode body = JSON.createObjectNode();
		body.put("id", "gen-" + ids.incrementAndGet()).put("provider", "OpenAI").put("model", modelUsed(request));
		body.put("object", "chat.completion").put("created", 1772446507L).put("system_fingerprint", "fp_44709d6fcb");
		int prompt = O200K.countTokensOrdinary(request.path("messages").toString() + request.path("tools").toString());
		ObjectNode usage = body.putObject("usage");
		usage.put("prompt_tokens", prompt).put("completion_tokens", 23).put("total_tokens", prompt + 23);
		usage.putObject("prompt_tokens_details").put("cached_tokens", 0);
		usage.put("cost", 0.0000756).put("is_byok", false);
		return body;
	}

	private String modelUsed(JsonNode request) {
		JsonNode models = request.path("models");
		if (primaryDown && models.isArray() && models.size() > 1) {
			return models.get(1).asString();
		}
		return request.path("model").asString("openai/gpt-4o-mini");
	}

	private static ObjectNode error(int status) {
		ObjectNode body = JSON.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("code", status).put("message", switch (status) {
			case 400 -> "Invalid request parameters";
			case 401 -> "Missing Authentication header";
			case 402 -> "Insufficient credits. Add more using https://openrouter.ai/credits";
			case 403 -> "Request blocked: moderation";
			case 404 -> "Resource not found";
			case 408 -> "Operation timed out. Please try again later.";
			case 429 -> "Rate limit exceeded";
			case 502 -> "Provider returned error";
			case 503 -> "Service temporarily unavailable";
			default -> "Internal Server Error";
		});
		error.putObject("metadata").put("error_type", switch (status) {
			case 400 -> "invalid_request";
			case 401 -> "authentication";
			case 402 -> "payment_required";
			case 403 -> "permission_denied";
			case 404 -> "not_found";
			case 429 -> "rate_limit_exceeded";
			case 502 -> "provider_unavailable";
			case 503 -> "provider_overloaded";
			default -> "server";
		});
		return body;
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	@Override
	public void close() {
		server.close();
	}

}
