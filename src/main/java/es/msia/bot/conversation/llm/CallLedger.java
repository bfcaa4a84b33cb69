package es.msia.bot.conversation.llm;

import java.math.BigDecimal;

/**
 * Where LLM calls are accounted: PostgreSQL in the application ({@link LlmCalls}), a list in the eval
 * runner. The monthly total decides whether the LLM may still be called.
 */
public interface CallLedger {

	/** One call's accounting; {@code outcome} is {@code used}, {@code unusable} or {@code failed}. */
	record Call(long conversationId, String model, int promptTokens, int completionTokens, BigDecimal cost,
			long latencyMs, String outcome) {
	}

	void record(Call call);

	/** Cost recorded since the start of the current calendar month (UTC). */
	BigDecimal spentThisMonth();

}
