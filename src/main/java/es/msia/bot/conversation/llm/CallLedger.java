package es.msia.bot.conversation.llm;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * Where LLM turns are accounted: PostgreSQL in the application ({@link LlmCalls}), a list in the eval
 * runner. The monthly total decides whether the LLM may still be called.
 */
public interface CallLedger {

	/**
	 * One customer turn's accounting on the LLM path.
	 *
	 * @param cost OpenRouter's {@code usage.cost}, in USD credits
	 * @param outcome {@code used}, {@code unusable}, {@code failed}, or {@code skipped} (no call made)
	 * @param attempts HTTP calls made for the turn, retries included (0 when skipped)
	 * @param fallbackReason why the offline engine answered instead; null when the model's answer was used
	 */
	record Call(long conversationId, String model, int promptTokens, int completionTokens, BigDecimal cost,
			long latencyMs, String outcome, int attempts, @Nullable String fallbackReason) {

		/** One call, its outcome also the fallback reason when it was not used. */
		public Call(long conversationId, String model, int promptTokens, int completionTokens, BigDecimal cost,
				long latencyMs, String outcome) {
			this(conversationId, model, promptTokens, completionTokens, cost, latencyMs, outcome, 1,
					"used".equals(outcome) ? null : outcome);
		}

	}

	void record(Call call);

	/** Cost recorded since the start of the current calendar month (UTC), in USD credits. */
	BigDecimal spentThisMonth();

}
