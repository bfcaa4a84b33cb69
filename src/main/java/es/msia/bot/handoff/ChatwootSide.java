package es.msia.bot.handoff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.chatwoot.ChatwootClient;
import es.msia.bot.chatwoot.ChatwootClient.Read;
import es.msia.bot.chatwoot.ChatwootClient.Result;
import es.msia.bot.chatwoot.ChatwootClient.Retryable;
import es.msia.bot.chatwoot.ChatwootClient.Sent;
import org.springframework.stereotype.Component;

/**
 * The Chatwoot side of an escalation: status {@code open} (agent-bot handoff), {@code bot_enabled=false}
 * merged into the conversation attributes (account-webhook setups), and the label {@code escalado}
 * merged into the labels. Both writes replace the whole hash/list in Chatwoot, hence read, merge, write.
 * Every step is idempotent, so a retry simply runs them all again.
 */
@Component
class ChatwootSide {

	/** What one run achieved. */
	record Outcome(boolean done, boolean retryable, String problems) {
	}

	static final String LABEL = "escalado";

	static final String BOT_ENABLED = "bot_enabled";

	private final ChatwootClient client;

	ChatwootSide(ChatwootClient client) {
		this.client = client;
	}

	Outcome escalate(long conversationId) {
		List<String> problems = new ArrayList<>();
		List<Result> results = new ArrayList<>();
		results.add(step("toggle_status", client.toggleStatus(conversationId, "open"), problems));
		results.add(step("custom_attributes", botEnabled(conversationId, false), problems));
		results.add(step("labels", addLabel(conversationId), problems));
		boolean retryable = results.stream().anyMatch(r -> r instanceof Retryable);
		return new Outcome(problems.isEmpty(), retryable, String.join("; ", problems));
	}

	/**
	 * Gives an account-webhook setup its switch back when the bot takes the conversation again. Only an
	 * explicit {@code false} is flipped: conversations that never had the attribute are left alone.
	 */
	Outcome enableBot(long conversationId) {
		List<String> problems = new ArrayList<>();
		Read<Map<String, Object>> current = client.conversationCustomAttributes(conversationId);
		Result result = current.ok() && !Boolean.FALSE.equals(current.value().get(BOT_ENABLED)) ? new Sent(null)
				: botEnabled(conversationId, true);
		step("custom_attributes", result, problems);
		return new Outcome(problems.isEmpty(), result instanceof Retryable, String.join("; ", problems));
	}

	private Result botEnabled(long conversationId, boolean enabled) {
		Read<Map<String, Object>> current = client.conversationCustomAttributes(conversationId);
		if (!current.ok()) {
			// Writing without reading would wipe the other attributes; better to retry or report.
			return current.problem();
		}
		if (Boolean.valueOf(enabled).equals(current.value().get(BOT_ENABLED))) {
			return new Sent(null);
		}
		Map<String, Object> merged = new LinkedHashMap<>(current.value());
		merged.put(BOT_ENABLED, enabled);
		return client.setConversationCustomAttributes(conversationId, merged);
	}

	private Result addLabel(long conversationId) {
		Read<List<String>> current = client.labels(conversationId);
		if (!current.ok()) {
			return current.problem();
		}
		if (current.value().contains(LABEL)) {
			return new Sent(null);
		}
		List<String> merged = new ArrayList<>(current.value());
		merged.add(LABEL);
		return client.setLabels(conversationId, merged);
	}

	private static Result step(String name, Result result, List<String> problems) {
		if (result instanceof Retryable retry) {
			problems.add(name + ": " + retry.reason());
		}
		else if (result instanceof ChatwootClient.Failed failed) {
			problems.add(name + ": " + failed.reason());
		}
		return result;
	}

}
