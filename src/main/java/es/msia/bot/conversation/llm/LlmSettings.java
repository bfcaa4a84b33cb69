package es.msia.bot.conversation.llm;

import es.msia.bot.conversation.LlmChoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenRouter access for the LLM understanding. Without an API key the offline engine handles every turn.
 *
 * @param fallbackModels backups tried in order by OpenRouter itself (the request's {@code models} array)
 * @param timeout per HTTP call; a slow model must not hold the customer's turn
 * @param maxRetries extra attempts on 429, 502, 503 and timeouts, with jittered backoff
 * @param retryBackoff first backoff; doubles per attempt, plus up to the same again of random jitter
 * @param breakerFailures consecutive failed turns that open the circuit breaker
 * @param breakerCooldown how long the breaker stays open (offline answers) before trying the LLM again
 * @param monthlyBudgetEur cost of this calendar month's calls beyond which the LLM is not called
 * @param maxPromptTokens the prompt (system, window, message and tools) is cut to stay within this
 * @param windowMessages recent transcript lines given to the model (never the whole history)
 * @param usdToEur OpenRouter reports {@code usage.cost} in USD credits; the budget and the panel are in
 *        euros, converted at this fixed rate ({@code LLM_USD_TO_EUR})
 * @param maxRetryAfter longest {@code Retry-After} (429/503) we wait for; a longer one means the LLM is
 *        unavailable for this turn and the offline engine answers at once
 */
@ConfigurationProperties("msia.llm")
public record LlmSettings(@DefaultValue("") String apiKey, @DefaultValue("https://openrouter.ai/api/v1") String baseUrl,
		@DefaultValue("openai/gpt-4o-mini") String model, @DefaultValue("") List<String> fallbackModels,
		@DefaultValue("20s") Duration timeout, @DefaultValue("2") int maxRetries,
		@DefaultValue("400ms") Duration retryBackoff, @DefaultValue("3") int breakerFailures,
		@DefaultValue("60s") Duration breakerCooldown, @DefaultValue("20") BigDecimal monthlyBudgetEur,
		@DefaultValue("https://www.msihomologacion.com") String referer, @DefaultValue("MSI-a") String title,
		@DefaultValue("2500") int maxPromptTokens, @DefaultValue("6") int windowMessages,
		@DefaultValue("0.92") BigDecimal usdToEur, @DefaultValue("10s") Duration maxRetryAfter) {

	public LlmSettings {
		fallbackModels = fallbackModels.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
	}

	/** The model choice from the environment, before any override saved in the panel. */
	public LlmChoice defaults() {
		return new LlmChoice(model, fallbackModels, monthlyBudgetEur);
	}

	/** A cost in OpenRouter's USD credits, in euros. */
	public BigDecimal toEur(BigDecimal usd) {
		return usd.multiply(usdToEur);
	}

	public boolean enabled() {
		return !apiKey.isBlank();
	}

}
