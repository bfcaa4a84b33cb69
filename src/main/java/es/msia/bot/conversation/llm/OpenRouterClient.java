package es.msia.bot.conversation.llm;

import es.msia.bot.conversation.LlmChoice;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenRouter chat completion through LangChain4j's OpenAI-compatible client, with our own retries
 * (LangChain4j's are switched off so that only 429, 502/503 and timeouts are retried, with jitter) and
 * OpenRouter's extras: attribution headers, the {@code models} fallback array and {@code usage.cost}.
 * A {@code Retry-After} up to {@code msia.llm.max-retry-after} is waited for; a longer one ends the
 * attempt at once (the offline engine answers). The transport ({@link OpenRouterHttp}) turns non-completion
 * 200 responses into failures. We never stream: the customer receives whole WhatsApp messages.
 */
class OpenRouterClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A client for one model choice; rebuilt when admins change the model or its backups. */
	private record Built(String model, List<String> fallbacks, ChatModel client) {
	}

	private final LlmSettings settings;

	private final AtomicReference<Built> built = new AtomicReference<>();

	OpenRouterClient(LlmSettings settings) {
		this.settings = settings;
	}

	private ChatModel model(LlmChoice choice) {
		Built current = built.get();
		if (current != null && current.model().equals(choice.model()) && current.fallbacks().equals(choice.fallbackModels())) {
			return current.client();
		}
		List<String> models = new ArrayList<>();
		models.add(choice.model());
		models.addAll(choice.fallbackModels());
		OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
			.httpClientBuilder(OpenRouterHttp.builder())
			.baseUrl(settings.baseUrl())
			.apiKey(settings.apiKey())
			.modelName(choice.model())
			.customHeaders(Map.of("HTTP-Referer", settings.referer(), "X-Title", settings.title()))
			.timeout(settings.timeout())
			.maxRetries(0)
			.temperature(0.0)
			.maxTokens(300)
			.parallelToolCalls(true);
		if (models.size() > 1) {
			builder.customParameters(Map.of("models", models));
		}
		ChatModel client = builder.build();
		built.set(new Built(choice.model(), choice.fallbackModels(), client));
		return client;
	}

	/** The reply to one request, after at most {@code maxRetries} retries; never null. */
	LlmReply call(ChatRequest request, LlmChoice choice) {
		ChatModel model = model(choice);
		long started = System.nanoTime();
		for (int attempt = 0;; attempt++) {
			try {
				ChatResponse response = model.chat(request);
				return reply(response, (System.nanoTime() - started) / 1_000_000, attempt + 1);
			}
			catch (RuntimeException ex) {
				Reason reason = classify(ex);
				Duration retryAfter = retryAfter(ex);
				boolean waitTooLong = retryAfter != null && retryAfter.compareTo(settings.maxRetryAfter()) > 0;
				if (reason != Reason.UNAVAILABLE || attempt >= settings.maxRetries() || waitTooLong) {
					LlmCallFailed found = find(ex);
					LlmCallFailed failed = found != null ? found : new LlmCallFailed(reason, ex.toString(), ex);
					throw failed.attempts(attempt + 1);
				}
				backoff(attempt, retryAfter);
			}
		}
	}

	private static LlmReply reply(ChatResponse response, long latencyMs, int attempts) {
		if (response.aiMessage() == null) {
			throw new LlmCallFailed(Reason.UNUSABLE, "no message in the response");
		}
		int prompt = response.tokenUsage() == null || response.tokenUsage().inputTokenCount() == null ? 0
				: response.tokenUsage().inputTokenCount();
		int completion = response.tokenUsage() == null || response.tokenUsage().outputTokenCount() == null ? 0
				: response.tokenUsage().outputTokenCount();
		return new LlmReply(response.aiMessage().toolExecutionRequests(), response.aiMessage().text(),
				response.modelName() == null ? "unknown" : response.modelName(), prompt, completion, cost(response),
				latencyMs, attempts);
	}

	/** OpenRouter's {@code usage.cost}, which LangChain4j does not map: read from the raw body. */
	private static BigDecimal cost(ChatResponse response) {
		if (!(response.metadata() instanceof OpenAiChatResponseMetadata metadata) || metadata.rawHttpResponse() == null) {
			return BigDecimal.ZERO;
		}
		try {
			JsonNode cost = JSON.readTree(metadata.rawHttpResponse().body()).path("usage").path("cost");
			return cost.isNumber() ? cost.decimalValue() : BigDecimal.ZERO;
		}
		catch (RuntimeException ex) {
			return BigDecimal.ZERO;
		}
	}

	static Reason classify(Throwable ex) {
		LlmCallFailed ours = find(ex);
		if (ours != null) {
			return ours.reason();
		}
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof HttpException http) {
				int status = http.statusCode();
				if (status == 402) {
					return Reason.NO_CREDIT;
				}
				return status == 408 || status == 429 || status >= 500 ? Reason.UNAVAILABLE : Reason.REJECTED;
			}
			if (t instanceof RetriableException || t instanceof java.net.http.HttpTimeoutException
					|| t instanceof java.io.IOException) {
				return Reason.UNAVAILABLE;
			}
		}
		// A 200 LangChain4j could not read (an error object, no choices) surfaces as a plain runtime exception.
		return Reason.UNUSABLE;
	}

	/** Our transport's failure, however LangChain4j wrapped it. */
	private static @Nullable LlmCallFailed find(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof LlmCallFailed failed) {
				return failed;
			}
		}
		return null;
	}

	private static @Nullable Duration retryAfter(Throwable ex) {
		LlmCallFailed ours = find(ex);
		return ours == null ? null : ours.retryAfter();
	}

	/** Jittered exponential backoff, but never sooner than the server's {@code Retry-After}. */
	private void backoff(int attempt, @Nullable Duration retryAfter) {
		long base = settings.retryBackoff().toMillis() << attempt;
		long wait = base + ThreadLocalRandom.current().nextLong(base + 1);
		if (retryAfter != null) {
			wait = Math.max(wait, retryAfter.toMillis());
		}
		try {
			Thread.sleep(wait);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LlmCallFailed(Reason.UNAVAILABLE, "interrupted while backing off", ex);
		}
	}

}
