package es.msia.bot.conversation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What admins may change at runtime (Ajustes): the primary model, OpenRouter's backups and the monthly
 * budget. Read at every turn, so a change applies without a restart.
 */
public record LlmChoice(String model, List<String> fallbackModels, BigDecimal monthlyBudgetEur) {

	public LlmChoice {
		fallbackModels = fallbackModels.stream().map(String::strip).filter(m -> !m.isEmpty()).toList();
	}

}
