package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.util.List;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import org.jspecify.annotations.Nullable;

/**
 * What one chat completion returned, with its accounting.
 *
 * @param model the model that actually answered (a backup when OpenRouter fell back)
 * @param cost OpenRouter's {@code usage.cost} in credits, 0 when not reported
 */
record LlmReply(List<ToolExecutionRequest> toolCalls, @Nullable String text, String model, int promptTokens,
		int completionTokens, BigDecimal cost, long latencyMs, int attempts) {

	LlmReply {
		toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
	}

}
