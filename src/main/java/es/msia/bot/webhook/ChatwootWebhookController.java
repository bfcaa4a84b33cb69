package es.msia.bot.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.InboundMessages;
import es.msia.bot.messaging.Intake;
import es.msia.bot.shared.LogMasks;
import es.msia.bot.shared.PhoneNumber;
import es.msia.bot.webhook.WebhookFilter.BackToPending;
import es.msia.bot.webhook.WebhookFilter.CustomerMessage;
import es.msia.bot.webhook.WebhookFilter.DeliveryRefused;
import es.msia.bot.webhook.WebhookFilter.Decision;
import es.msia.bot.webhook.WebhookFilter.HumanReply;
import es.msia.bot.webhook.WebhookFilter.Ignored;
import es.msia.bot.webhook.WebhookFilter.StaffCommand;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The URL configured in Chatwoot. Answers fast (Chatwoot gives up after 5 s): the work happens in the
 * agent, behind the stream. Bad input gets a 4xx and changes nothing.
 */
@RestController
@Tag(name = "Chatwoot webhook")
class ChatwootWebhookController {

	private static final Logger log = LoggerFactory.getLogger(ChatwootWebhookController.class);

	private final WebhookToken token;

	private final WebhookSettings settings;

	private final @Nullable WebhookSignature signature;

	private final JsonMapper json;

	private final Customers customers;

	private final InboundMessages inbound;

	private final Handoffs handoffs;

	private final ChatwootOutbox outbox;

	ChatwootWebhookController(WebhookToken token, WebhookSettings settings, JsonMapper json, Customers customers,
			InboundMessages inbound, Handoffs handoffs, ChatwootOutbox outbox) {
		this.outbox = outbox;
		this.token = token;
		this.settings = settings;
		this.signature = settings.secret().isBlank() ? null
				: new WebhookSignature(settings.secret(), settings.maxAge().toSeconds(), Clock.systemUTC());
		this.json = json;
		this.customers = customers;
		this.inbound = inbound;
		this.handoffs = handoffs;
	}

	@PostMapping("/api/chatwoot/webhook")
	@Operation(summary = "Chatwoot webhook (account or agent-bot webhook)",
			description = "Token as ?token=...; X-Chatwoot-Signature/X-Chatwoot-Timestamp verified when a secret is set")
	ResponseEntity<Map<String, String>> receive(@RequestParam(name = "token", required = false) @Nullable String tokenParam,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) @Nullable String timestamp,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Signature", required = false) @Nullable String sig,
			HttpServletRequest request) throws IOException {
		return handle(tokenParam, timestamp, sig, request);
	}

	@PostMapping("/api/chatwoot/webhook/{token}")
	@Operation(summary = "Chatwoot webhook, token as the last path segment")
	ResponseEntity<Map<String, String>> receiveWithPathToken(@PathVariable("token") String tokenPath,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) @Nullable String timestamp,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Signature", required = false) @Nullable String sig,
			HttpServletRequest request) throws IOException {
		return handle(tokenPath, timestamp, sig, request);
	}

	private ResponseEntity<Map<String, String>> handle(@Nullable String candidate, @Nullable String timestamp,
			@Nullable String sig, HttpServletRequest request) throws IOException {
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
		return ResponseEntity.ok(act(WebhookFilter.decide(event)));
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

	private static ResponseEntity<Map<String, String>> error(HttpStatus status, String message) {
		return ResponseEntity.status(status).body(Map.of("error", message));
	}

}
