package es.msia.bot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.InboundMessages;
import es.msia.bot.messaging.Intake;
import es.msia.bot.shared.LeanEndpoint;
import es.msia.bot.shared.LogMasks;
import es.msia.bot.shared.PhoneNumber;
import es.msia.bot.webhook.WebhookFilter.BackToPending;
import es.msia.bot.webhook.WebhookFilter.CustomerMessage;
import es.msia.bot.webhook.WebhookFilter.DeliveryRefused;
import es.msia.bot.webhook.WebhookFilter.Decision;
import es.msia.bot.webhook.WebhookFilter.HumanReply;
import es.msia.bot.webhook.WebhookFilter.Ignored;
import es.msia.bot.webhook.WebhookFilter.StaffCommand;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The URL configured in Chatwoot: {@code POST /api/chatwoot/webhook?token=...} or
 * {@code /api/chatwoot/webhook/{token}}. Answers fast (Chatwoot gives up after 5 s): the work happens in
 * the agent, behind the stream. Bad input gets a 4xx and changes nothing.
 * <p>
 * Served on the lean path ({@link LeanEndpoint}): one call per customer message, so it skips the security
 * chain it does not need (it checks its own token and signature) and counts its answers in
 * {@code msia.webhook.requests} by status instead of a per-request observation.
 */
@Component
class ChatwootWebhook implements LeanEndpoint {

	private static final Logger log = LoggerFactory.getLogger(ChatwootWebhook.class);

	static final String PATH = "/api/chatwoot/webhook";

	/** What the webhook answers: an HTTP status and a small JSON object. */
	record Answer(int status, Map<String, String> body) {
	}

	private final WebhookToken token;

	private final WebhookSettings settings;

	private final @Nullable WebhookSignature signature;

	private final JsonMapper json;

	private final Customers customers;

	private final InboundMessages inbound;

	private final Handoffs handoffs;

	private final ChatwootOutbox outbox;

	private final MeterRegistry meters;

	private final Map<Integer, Counter> counters = new ConcurrentHashMap<>();

	ChatwootWebhook(WebhookToken token, WebhookSettings settings, JsonMapper json, Customers customers,
			InboundMessages inbound, Handoffs handoffs, ChatwootOutbox outbox, MeterRegistry meters) {
		this.outbox = outbox;
		this.token = token;
		this.settings = settings;
		this.signature = token.signature();
		this.json = json;
		this.customers = customers;
		this.inbound = inbound;
		this.handoffs = handoffs;
		this.meters = meters;
	}

	// The path itself, or the path plus one segment: the token.
	@Override
	public boolean serves(String method, String path) {
		if (!"POST".equals(method)) {
			return false;
		}
		String token = tokenSegment(path);
		return path.equals(PATH) || token != null && !token.isEmpty() && token.indexOf('/') < 0;
	}

	@Override
	public void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException {
		String segment = tokenSegment(path);
		String candidate = segment != null ? decoded(segment) : queryParameter(request.getQueryString(), "token");
		Answer answer = handle(candidate, request.getHeader("X-Chatwoot-Timestamp"),
				request.getHeader("X-Chatwoot-Signature"), request);
		counters.computeIfAbsent(answer.status(), status -> Counter.builder("msia.webhook.requests")
			.description("Webhook deliveries answered, by HTTP status")
			.tag("status", Integer.toString(status))
			.register(meters)).increment();
		response.setStatus(answer.status());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		byte[] body = json.writeValueAsBytes(answer.body());
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static @Nullable String tokenSegment(String path) {
		return path.startsWith(PATH + "/") ? path.substring(PATH.length() + 1) : null;
	}

	// Only the query string: a form-encoded body must not be read as parameters.
	private static @Nullable String queryParameter(@Nullable String query, String name) {
		if (query == null) {
			return null;
		}
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			String key = eq < 0 ? pair : pair.substring(0, eq);
			if (name.equals(decoded(key))) {
				return eq < 0 ? "" : decoded(pair.substring(eq + 1));
			}
		}
		return null;
	}

	// A malformed escape ("%zz") is no token: the delivery then gets the 401 of a wrong one.
	private static @Nullable String decoded(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/** Authenticates, bounds, parses and acts on one delivery. */
	Answer handle(@Nullable String candidate, @Nullable String timestamp, @Nullable String sig,
			HttpServletRequest request) throws IOException {
		if (candidate == null || !token.matches(candidate)) {
			return error(HttpStatus.UNAUTHORIZED, "invalid webhook token");
		}
		long limit = settings.maxBody().toBytes();
		if (request.getContentLengthLong() > limit) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + limit + " bytes");
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) limit + 1);
		}
		if (body.length > limit) {
			return error(HttpStatus.PAYLOAD_TOO_LARGE, "body over " + limit + " bytes");
		}
		if (signature != null) {
			String problem = signature.problem(timestamp, sig, body);
			if (problem != null) {
				return error(HttpStatus.UNAUTHORIZED, problem);
			}
		}
		JsonNode event;
		try {
			event = json.readTree(body);
		}
		catch (JacksonException ex) {
			return error(HttpStatus.BAD_REQUEST, "malformed JSON");
		}
		if (event == null || !event.isObject()) {
			return error(HttpStatus.BAD_REQUEST, "expected a JSON object");
		}
		return new Answer(HttpStatus.OK.value(), act(WebhookFilter.decide(event)));
	}

	private Map<String, String> act(Decision decision) {
		if (decision instanceof HumanReply human) {
			// Our own replies come back as "user" messages when the bot sends with a user token: only a
			// person's message goes into the transcript as human.
			if (!handoffs.humanSpoke(human.conversationId(), human.messageId(), human.content(), human.createdAt())) {
				return Map.of("status", "ignored", "reason", "echo of our own reply");
			}
			inbound.recordHumanReply(human.conversationId(), human.messageId(), human.agentName(), human.content(),
					human.createdAt());
			return Map.of("status", "recorded", "reason", "human agent message");
		}
		if (decision instanceof StaffCommand command) {
			String actor = "chatwoot:" + (command.agentName() == null ? "agent" : command.agentName());
			if (command.botOn()) {
				handoffs.returnToBot(command.conversationId(), actor);
			}
			else {
				handoffs.pause(command.conversationId(), actor);
			}
			return Map.of("status", "recorded", "reason", command.botOn() ? "bot on" : "bot off");
		}
		if (decision instanceof BackToPending pending) {
			handoffs.returnToBot(pending.conversationId(), "chatwoot:status-pending");
			return Map.of("status", "recorded", "reason", "conversation pending");
		}
		if (decision instanceof CustomerMessage message) {
			return accept(message);
		}
		if (decision instanceof DeliveryRefused refused) {
			if (outbox.refused(refused.messageId(), refused.error()).isEmpty()) {
				log.info("Message {} of conversation {} refused ({}); not one of our pending or sent replies",
						refused.messageId(), refused.conversationId(), LogMasks.text(refused.error()));
				return Map.of("status", "ignored", "reason", "refusal of a message not ours");
			}
			return Map.of("status", "recorded", "reason", "message refused");
		}
		return Map.of("status", "ignored", "reason", ((Ignored) decision).reason());
	}

	private Map<String, String> accept(CustomerMessage message) {
		Optional<PhoneNumber> phone = Optional.ofNullable(message.phone()).flatMap(PhoneNumber::parse);
		if (phone.isEmpty()) {
			log.warn("Message {} of conversation {} has no usable phone number; ignored", message.messageId(),
					message.conversationId());
			return Map.of("status", "ignored", "reason", "no phone number");
		}
		CustomerId customer = customers.upsert(phone.get(), message.senderName(), message.contactId(),
				message.clientType());
		Intake intake = inbound.accept(new InboundMessage(message.messageId(), message.conversationId(),
				customer.value(), phone.get(), message.senderName(), message.content(), message.attachments(),
				message.conversationStatus(), message.accountId(), message.inboxId(), message.createdAt(),
				message.canReply()));
		return Map.of("status", intake == Intake.ACCEPTED ? "accepted" : "duplicate");
	}

	private static Answer error(HttpStatus status, String message) {
		return new Answer(status.value(), Map.of("error", message));
	}

}
