package es.msia.bot.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import es.msia.bot.support.Multipart.Part;

/**
 * A Chatwoot Application API that speaks the documented protocol (protocols.md B2, B3, B5): the
 * {@code api_access_token} header, the create-message response with an int {@code message_type} and
 * {@code status: "sent"}, 401/404 error bodies, the 200-messages-per-minute guard, and scripted
 * failures (429 with Retry-After, 5xx, slow answers) for resilience tests.
 * <p>
 * Conversations have state (status, labels, custom attributes; unknown ids start {@code pending}, as a
 * new conversation in an inbox with a bot does). {@code toggle_status}, labels (POST replaces the list),
 * conversation custom attributes (POST replaces the hash), GET conversation and multipart attachments
 * ({@code attachments[]}) behave as B2 says. {@link #TOKEN} is an agent-bot token, limited to the bot
 * allow-list (B1: other endpoints answer 401); {@link #USER_TOKEN} is a user token.
 * <p>
 * WhatsApp's 24-hour window (C1): a conversation whose last incoming message
 * ({@link #givenLastIncoming}) is more than 24 h old has {@code can_reply == false}. There, a message
 * created without {@code template_params} is stored but marks itself {@code failed} with
 * {@code external_error: "Template not found or invalid template name"}; so does one whose template
 * ({@code name} + {@code language}, case-insensitive) is not among the approved ones
 * ({@link #approveTemplate}). The create answer is the usual 200 (the send happens afterwards); the failure
 * arrives as a {@code message_updated} webhook (A3/A4.4) at {@link #sendWebhooksTo}'s URL. Conversations
 * with no known incoming message can reply, as every test before the window existed assumed.
 */
public final class FakeChatwoot implements AutoCloseable {

	public static final String TOKEN = "bot-token-for-tests";

	public static final String USER_TOKEN = "user-token-for-tests";

	private static final String BOT_REFUSED = "{\"error\":\"Access to this endpoint is not authorized for bots\"}";

	private static final Pattern CONVERSATION = Pattern
		.compile("^/api/v1/accounts/(\\d+)/conversations/(\\d+)(/[a-z_]+)?$");

	private static final Set<String> BOT_ALLOWED = Set.of("POST /messages", "POST /toggle_status",
			"POST /custom_attributes");

	public static final long ACCOUNT = 1;

	/** Chatwoot's error text when WhatsApp would need a template it cannot find (protocols.md C1). */
	public static final String TEMPLATE_NOT_FOUND = "Template not found or invalid template name";

	/**
	 * A message Chatwoot stored.
	 *
	 * @param status {@code sent}, or {@code failed} when WhatsApp refused it
	 * @param externalError WhatsApp's reason, for a failed message
	 */
	public record StoredMessage(long id, long conversationId, String content, boolean privateNote, JsonNode body,
			Instant at, String status, String externalError) {

		/** The {@code template_params} the message was created with (missing node when sent as text). */
		public JsonNode templateParams() {
			return body.path("template_params");
		}

	}

	/** A file uploaded with a message, as received in the multipart body. */
	public record StoredAttachment(long messageId, long conversationId, String fieldName, String fileName,
			String contentType, byte[] data) {
	}

	/** What Chatwoot keeps about a conversation. */
	private static final class ConversationState {

		volatile String status = "pending";

		volatile List<String> labels = List.of();

		volatile ObjectNode customAttributes = JsonMapper.builder().build().createObjectNode();

		volatile Instant lastIncoming;

		boolean canReply() {
			Instant last = lastIncoming;
			return last == null || last.isAfter(Instant.now().minus(java.time.Duration.ofHours(24)));
		}

	}

	private final Set<String> approvedTemplates = ConcurrentHashMap.newKeySet();

	private volatile String webhookUrl;

	private final java.net.http.HttpClient webhookClient = java.net.http.HttpClient.newHttpClient();

	/** The customer's last message in this conversation was at {@code at} (drives {@code can_reply}). */
	public void givenLastIncoming(long conversationId, Instant at) {
		state(conversationId).lastIncoming = at;
	}

	public boolean canReply(long conversationId) {
		return state(conversationId).canReply();
	}

	/** A template approved in Meta and synced into the inbox (name + language, matched case-insensitively). */
	public void approveTemplate(String name, String language) {
		approvedTemplates.add(templateKey(name, language));
	}

	/** Where {@code message_updated} webhooks go (our webhook URL with its token); null sends none. */
	public void sendWebhooksTo(String url) {
		this.webhookUrl = url;
	}

	private static String templateKey(String name, String language) {
		return name.toLowerCase(java.util.Locale.ROOT) + "|" + language.toLowerCase(java.util.Locale.ROOT);
	}

	private final Map<Long, ConversationState> conversations = new ConcurrentHashMap<>();

	private final Map<Long, ObjectNode> contacts = new ConcurrentHashMap<>();

	private static final Pattern CONTACT = Pattern.compile("^/api/v1/accounts/" + ACCOUNT + "/contacts/(\\d+)$");

	private final List<StoredAttachment> attachments = new CopyOnWriteArrayList<>();

	private final Map<String, Boolean> tokens = new ConcurrentHashMap<>(Map.of(TOKEN, true, USER_TOKEN, false));

	private final MockWebServer server;

	private final JsonMapper json = JsonMapper.builder().build();

	private final AtomicLong ids = new AtomicLong(30_000);

	private final List<StoredMessage> messages = new CopyOnWriteArrayList<>();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Deque<MockResponse> scripted = new ConcurrentLinkedDeque<>();

	private final Map<Long, Deque<Instant>> perMinute = new ConcurrentHashMap<>();

	private final Map<String, byte[]> files = new ConcurrentHashMap<>();

	private final Map<String, String> redirects = new ConcurrentHashMap<>();

	public FakeChatwoot() {
		this.server = RecordingServer.start(requests, this::answer);
	}

	/** Base URL to configure as {@code CHATWOOT_API_URL}. */
	public String url() {
		return server.url("/").toString().replaceAll("/$", "");
	}

	/**
	 * The next {@code times} created messages are stored and then answered only after {@code seconds}: a
	 * client with a shorter read timeout sees a failure although Chatwoot has the message.
	 */
	public void acceptThenStall(int times, int seconds) {
		stalls.set(times);
		stallSeconds = seconds;
	}

	private final java.util.concurrent.atomic.AtomicInteger stalls = new java.util.concurrent.atomic.AtomicInteger();

	private volatile int stallSeconds;

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

	/**
	 * Serves a customer's attachment as Chatwoot does: the returned {@code data_url} answers 302 to the
	 * stored file (no token needed: Active Storage links are signed).
	 */
	public String serveFile(byte[] content) {
		String key = "blob" + ids.incrementAndGet();
		files.put(key, content.clone());
		redirects.put(key, "/files/" + key);
		return url() + "/rails/active_storage/blobs/redirect/" + key + "/file";
	}

	/** A {@code data_url} that answers 302 to {@code location} (e.g. a host that is not allowed). */
	public String redirectingTo(String location) {
		String key = "blob" + ids.incrementAndGet();
		redirects.put(key, location);
		return url() + "/rails/active_storage/blobs/redirect/" + key + "/file";
	}

	/** How many times stored files were downloaded. */
	public int fileDownloads() {
		return (int) requests.stream().filter(r -> r.getUrl().encodedPath().startsWith("/files/")).count();
	}

	private MockResponse storage(String path) {
		Matcher redirect = Pattern.compile("/rails/active_storage/blobs/redirect/([^/]+)/file").matcher(path);
		if (redirect.matches() && redirects.containsKey(redirect.group(1))) {
			return new MockResponse.Builder().code(302).setHeader("Location", redirects.get(redirect.group(1))).build();
		}
		if (path.startsWith("/files/") && files.containsKey(path.substring("/files/".length()))) {
			return new MockResponse.Builder().code(200)
				.setHeader("Content-Type", "application/octet-stream")
				.body(new okio.Buffer().write(files.get(path.substring("/files/".length()))))
				.build();
		}
		return null;
	}

	/** Accepts {@code token} as a bot token (allow-list applies) or a user token. */
	public void acceptToken(String token, boolean bot) {
		tokens.put(token, bot);
	}

	/** Sets up a conversation as a test needs it. */
	public void givenConversation(long conversationId, String status, List<String> labels, Map<String, ?> customAttributes) {
		ConversationState state = state(conversationId);
		state.status = status;
		state.labels = List.copyOf(labels);
		state.customAttributes = json.valueToTree(customAttributes);
	}

	public String status(long conversationId) {
		return state(conversationId).status;
	}

	public List<String> labels(long conversationId) {
		return state(conversationId).labels;
	}

	public JsonNode customAttributes(long conversationId) {
		return state(conversationId).customAttributes;
	}

	public List<StoredAttachment> attachments(long conversationId) {
		return attachments.stream().filter(a -> a.conversationId() == conversationId).toList();
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
		MockResponse storage = storage(request.getUrl().encodedPath());
		if (storage != null) {
			return storage;
		}
		String token = request.getHeaders().get("api_access_token");
		Boolean bot = token == null ? null : tokens.get(token);
		if (bot == null) {
			return json(401, "{\"error\":\"Invalid Access Token\"}");
		}
		if ("GET".equals(request.getMethod())
				&& request.getUrl().encodedPath().equals("/api/v1/accounts/" + ACCOUNT + "/inboxes")) {
			// The Sistema page's reachability probe; answered before scripted failures so it never uses them up.
			return bot ? json(401, BOT_REFUSED) : json(200, "{\"payload\":[{\"id\":1,\"name\":\"WhatsApp\"}]}");
		}
		MockResponse script = scripted.poll();
		if (script != null) {
			return script;
		}
		Matcher contact = CONTACT.matcher(request.getUrl().encodedPath());
		if (contact.matches()) {
			return contact(Long.parseLong(contact.group(1)), request, bot);
		}
		Matcher path = CONVERSATION.matcher(request.getUrl().encodedPath());
		if (!path.matches()) {
			return notFound();
		}
		if (Long.parseLong(path.group(1)) != ACCOUNT) {
			return json(401, "{\"error\":\"You are not authorized to access this account\"}");
		}
		String endpoint = request.getMethod() + " " + (path.group(3) == null ? "" : path.group(3));
		if (bot && !BOT_ALLOWED.contains(endpoint)) {
			return json(401, BOT_REFUSED);
		}
		return route(endpoint, Long.parseLong(path.group(2)), request, bot);
	}

	private MockResponse route(String endpoint, long conversationId, RecordedRequest request, boolean bot) {
		ConversationState state = state(conversationId);
		switch (endpoint) {
			case "POST /messages":
				return isMultipart(request) ? createAttachmentMessage(conversationId, request, bot)
						: createMessage(conversationId, json.readTree(request.getBody().utf8()), bot);
			case "POST /toggle_status":
				return toggleStatus(conversationId, state, json.readTree(request.getBody().utf8()), bot);
			case "POST /custom_attributes":
				// Replaces the whole hash (conversations_controller#custom_attributes).
				state.customAttributes = (ObjectNode) json.readTree(request.getBody().utf8()).path("custom_attributes");
				return json(200, json.writeValueAsString(Map.of("custom_attributes", state.customAttributes)));
			case "GET /labels":
				return json(200, json.writeValueAsString(Map.of("payload", state.labels)));
			case "GET /messages":
				// B2: the latest 20, ascending, each in the create response's shape (B3).
				List<StoredMessage> own = messages(conversationId);
				List<Map<String, Object>> payload = own.subList(Math.max(0, own.size() - 20), own.size()).stream()
					.map(m -> Map.<String, Object>of("id", m.id(), "content", m.content(), "conversation_id", conversationId,
							"message_type", 1, "content_type", "text", "private", m.privateNote(), "created_at",
							m.at().getEpochSecond(), "status", m.status()))
					.toList();
				return json(200, json.writeValueAsString(Map.of("meta", Map.of(), "payload", payload)));
			case "POST /labels":
				// Replaces the whole list (labelable.rb update_labels).
				List<String> labels = new ArrayList<>();
				json.readTree(request.getBody().utf8()).path("labels").forEach(l -> labels.add(l.asString()));
				state.labels = List.copyOf(labels);
				return json(200, json.writeValueAsString(Map.of("payload", state.labels)));
			case "GET ":
				return json(200, json.writeValueAsString(Map.of("id", conversationId, "status", state.status, "labels",
						state.labels, "custom_attributes", state.customAttributes, "messages", List.of(), "can_reply",
						state.canReply())));
			default:
				return notFound();
		}
	}

	/**
	 * B2: PUT/PATCH /contacts/{id} (user token only, B1) sets the top-level fields sent and merges
	 * {@code custom_attributes} and {@code additional_attributes} into the existing ones; GET shows it.
	 */
	private MockResponse contact(long contactId, RecordedRequest request, boolean bot) {
		if (bot) {
			return json(401, BOT_REFUSED);
		}
		ObjectNode contact = contacts.computeIfAbsent(contactId, id -> json.createObjectNode().put("id", id));
		if (request.getMethod().equals("PUT") || request.getMethod().equals("PATCH")) {
			synchronized (contact) {
				json.readTree(request.getBody().utf8()).properties().forEach(e -> {
					if ((e.getKey().equals("custom_attributes") || e.getKey().equals("additional_attributes"))
							&& e.getValue().isObject()) {
						ObjectNode merged = contact.has(e.getKey()) ? (ObjectNode) contact.get(e.getKey()) : contact.putObject(e.getKey());
						merged.setAll((ObjectNode) e.getValue());
					}
					else if (!e.getKey().equals("id")) {
						contact.set(e.getKey(), e.getValue());
					}
				});
			}
		}
		else if (!request.getMethod().equals("GET")) {
			return notFound();
		}
		return json(200, json.writeValueAsString(Map.of("payload", contact)));
	}

	/** Sets up a contact with custom attributes (e.g. MSI's {@code tipo}). */
	public void givenContact(long contactId, Map<String, ?> customAttributes) {
		ObjectNode contact = json.createObjectNode().put("id", contactId);
		contact.set("custom_attributes", json.valueToTree(customAttributes));
		contacts.put(contactId, contact);
	}

	/** The contact as Chatwoot keeps it (empty when never set up or updated). */
	public JsonNode contact(long contactId) {
		return contacts.getOrDefault(contactId, json.createObjectNode());
	}

	/** B2: with a bot token, pending → open is the bot handoff, whose payload says {@code success: null}. */
	private MockResponse toggleStatus(long conversationId, ConversationState state, JsonNode body, boolean bot) {
		String requested = body.path("status").isString() ? body.path("status").asString() : null;
		String target = requested != null ? requested : ("open".equals(state.status) ? "resolved" : "open");
		boolean botHandoff = bot && "pending".equals(state.status) && "open".equals(target);
		state.status = target;
		ObjectNode payload = json.createObjectNode();
		if (botHandoff) {
			payload.putNull("success");
		}
		else {
			payload.put("success", true);
		}
		payload.put("conversation_id", conversationId);
		payload.put("current_status", target);
		payload.putNull("snoozed_until");
		ObjectNode response = json.createObjectNode();
		response.set("meta", json.createObjectNode());
		response.set("payload", payload);
		return json(200, response.toString());
	}

	private MockResponse createAttachmentMessage(long conversationId, RecordedRequest request, boolean bot) {
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		List<StoredAttachment> files = new ArrayList<>();
		long id = ids.incrementAndGet();
		for (Part part : Multipart.parse(request.getHeaders().get("Content-Type"), request.getBody().toByteArray())) {
			if (part.fileName() == null) {
				fields.put(part.name(), new String(part.data(), java.nio.charset.StandardCharsets.UTF_8));
			}
			else {
				files.add(new StoredAttachment(id, conversationId, part.name(), part.fileName(), part.contentType(),
						part.data()));
			}
		}
		if (files.isEmpty() || files.stream().anyMatch(f -> !"attachments[]".equals(f.fieldName()))) {
			return json(422, "{\"error\":\"param is missing or the value is empty: attachments\"}");
		}
		attachments.addAll(files);
		ObjectNode body = json.valueToTree(fields);
		return storeMessage(id, conversationId, body, bot);
	}

	private MockResponse createMessage(long conversationId, JsonNode body, boolean bot) {
		return storeMessage(ids.incrementAndGet(), conversationId, body, bot);
	}

	private MockResponse storeMessage(long id, long conversationId, JsonNode body, boolean bot) {
		if (tooManyMessages(conversationId)) {
			return json(422, "{\"error\":\"Validation failed: Too many messages\"}");
		}
		if ("incoming".equals(body.path("message_type").asString(""))) {
			return json(422, "{\"error\":\"Incoming messages are only allowed in Api inboxes\"}");
		}
		boolean privateNote = body.path("private").asBoolean(false) || "true".equals(body.path("private").asString(""));
		String content = body.path("content").asString("");
		String externalError = privateNote ? null : whatsAppRefusal(conversationId, body);
		messages.add(new StoredMessage(id, conversationId, content, privateNote, body, Instant.now(),
				externalError == null ? "sent" : "failed", externalError));
		if (externalError != null) {
			reportFailure(id, conversationId, content, body, externalError);
		}
		Map<String, Object> sender = bot ? Map.of("id", 3, "name", "Asistente", "type", "agent_bot")
				: Map.of("id", 5, "name", "Ana", "available_name", "Ana", "type", "user");
		Map<String, Object> response = new java.util.LinkedHashMap<>(Map.of("id", id, "content", content, "inbox_id", 9,
				"conversation_id", conversationId, "message_type", 1, "content_type", "text", "status", "sent",
				"content_attributes", Map.of(), "created_at", Instant.now().getEpochSecond(), "private", privateNote));
		response.put("sender", sender);
		MockResponse answer = json(200, json.writeValueAsString(response));
		if (stalls.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
			return answer.newBuilder().headersDelay(stallSeconds, TimeUnit.SECONDS).build();
		}
		return answer;
	}

	/**
	 * C1: a template is used when {@code template_params} are present or the window is closed; it must be an
	 * approved one, and free text outside the window fails.
	 */
	private String whatsAppRefusal(long conversationId, JsonNode body) {
		JsonNode template = body.path("template_params");
		if (template.isObject()) {
			boolean approved = approvedTemplates.contains(
					templateKey(template.path("name").asString(""), template.path("language").asString("")));
			return approved ? null : TEMPLATE_NOT_FOUND;
		}
		return state(conversationId).canReply() ? null : TEMPLATE_NOT_FOUND;
	}

	/** A4.4: the failure comes later, as {@code message_updated} with {@code content_attributes.external_error}. */
	private void reportFailure(long id, long conversationId, String content, JsonNode body, String externalError) {
		String url = webhookUrl;
		if (url == null) {
			return;
		}
		ConversationState state = state(conversationId);
		ObjectNode event = json.createObjectNode();
		event.put("event", "message_updated");
		event.put("id", id);
		event.put("content", content);
		event.put("content_type", "text");
		event.putObject("content_attributes").put("external_error", externalError);
		event.put("message_type", "outgoing");
		event.put("private", false);
		event.putNull("source_id");
		event.put("created_at", Instant.now().toString());
		ObjectNode additional = event.putObject("additional_attributes");
		if (body.path("template_params").isObject()) {
			additional.set("template_params", body.path("template_params"));
		}
		event.putObject("account").put("id", ACCOUNT).put("name", "MSI Automotive");
		event.putObject("inbox").put("id", 9).put("name", "WhatsApp");
		event.putObject("sender").put("id", 3).put("name", "Asistente").put("type", "agent_bot");
		ObjectNode conversation = event.putObject("conversation");
		conversation.put("id", conversationId);
		conversation.put("inbox_id", 9);
		conversation.put("status", state.status);
		conversation.put("channel", "Channel::Whatsapp");
		conversation.put("can_reply", state.canReply());
		conversation.putArray("messages");
		String payload = event.toString();
		// Chatwoot sends in a background job after answering the create call; so does the fake.
		java.util.concurrent.CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS).execute(() -> {
			try {
				webhookClient.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
					.header("Content-Type", "application/json")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(payload))
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
			}
			catch (java.io.IOException | InterruptedException ex) {
				// Chatwoot retries failed deliveries a few times; a test that needs it sees the row unchanged.
			}
		});
	}

	private ConversationState state(long conversationId) {
		return conversations.computeIfAbsent(conversationId, id -> new ConversationState());
	}

	private static boolean isMultipart(RecordedRequest request) {
		String type = request.getHeaders().get("Content-Type");
		return type != null && type.startsWith("multipart/form-data");
	}

	private static MockResponse notFound() {
		return json(404, "{\"error\":\"Resource could not be found\"}");
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
