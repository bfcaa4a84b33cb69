package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One OpenRouter chat completion through LangChain4j's OpenAI-compatible client, with our own retries
 * (LangChain4j's are switched off so that only 429, 502/503 and timeouts are retried, with jitter) and
 * OpenRouter's extras: attribution headers, the {@code models} fallback array and {@code usage.cost}.
 */
class OpenRouterClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ChatModel model;

	private final LlmSettings settings;

	OpenRouterClient(LlmSettings settings) {
		this.settings = settings;
		List<String> models = new ArrayList<>();
		models.add(settings.model());
		models.addAll(settings.fallbackModels());
		OpenAiChatModel.OpenAiChatModelBuilder builder = OpenAiChatModel.builder()
			.baseUrl(settings.baseUrl())
			.apiKey(settings.apiKey())
			.modelName(settings.model())
			.customHeaders(Map.of("HTTP-Referer", settings.referer(), "X-Title", settings.title()))
			.timeout(settings.timeout())
			.maxRetries(0)
			.temperature(0.0)
			.maxTokens(300)
			.parallelToolCalls(true);
		if (models.size() > 1) {
			builder.customParameters(Map.of("models", models));
		}
		this.model = builder.build();
	}

	/** The reply to one request, after at most {@code maxRetries} retries; never null. */
	LlmReply call(ChatRequest request) {
		long started = System.nanoTime();
		for (int attempt = 0;; attempt++) {
			try {
				ChatResponse response = model.chat(request);
				return reply(response, (System.nanoTime() - started) / 1_000_000, attempt + 1);
			}
			catch (RuntimeException ex) {
				Reason reason = classify(ex);
				if (reason != Reason.UNAVAILABLE || attempt >= settings.maxRetries()) {
					throw ex instanceof LlmCallFailed failed ? failed : new LlmCallFailed(reason, ex.toString(), ex);
				}
				backoff(attempt);
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
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof LlmCallFailed failed) {
				return failed.reason();
			}
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

	private void backoff(int attempt) {
		long base = settings.retryBackoff().toMillis() << attempt;
		try {
			Thread.sleep(base + ThreadLocalRandom.current().nextLong(base + 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LlmCallFailed(Reason.UNAVAILABLE, "interrupted while backing off", ex);
		}
	}

}
