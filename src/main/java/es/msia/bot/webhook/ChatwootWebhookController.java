package es.msia.bot.webhook;

import java.io.IOException;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook as /docs describes it. Deliveries on the API port are answered by {@link ChatwootWebhook} on
 * the lean path before they reach Spring MVC; these mappings document the endpoint and, should a request
 * reach the dispatcher all the same, answer it with the same code.
 */
@RestController
@Tag(name = "Chatwoot webhook")
class ChatwootWebhookController {

	private final ChatwootWebhook webhook;

	ChatwootWebhookController(ChatwootWebhook webhook) {
		this.webhook = webhook;
	}

	@PostMapping("/api/chatwoot/webhook")
	@Operation(summary = "Chatwoot webhook (account or agent-bot webhook)",
			description = "Token as ?token=...; X-Chatwoot-Signature/X-Chatwoot-Timestamp verified when a secret is set")
	ResponseEntity<Map<String, String>> receive(@RequestParam(name = "token", required = false) @Nullable String tokenParam,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) @Nullable String timestamp,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Signature", required = false) @Nullable String sig,
			HttpServletRequest request) throws IOException {
		return answer(webhook.handle(tokenParam, timestamp, sig, request));
	}

	@PostMapping("/api/chatwoot/webhook/{token}")
	@Operation(summary = "Chatwoot webhook, token as the last path segment")
	ResponseEntity<Map<String, String>> receiveWithPathToken(@PathVariable("token") String tokenPath,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Timestamp", required = false) @Nullable String timestamp,
			@Parameter(hidden = true) @RequestHeader(name = "X-Chatwoot-Signature", required = false) @Nullable String sig,
			HttpServletRequest request) throws IOException {
		return answer(webhook.handle(tokenPath, timestamp, sig, request));
	}

	private static ResponseEntity<Map<String, String>> answer(ChatwootWebhook.Answer answer) {
		return ResponseEntity.status(answer.status()).body(answer.body());
	}

}
