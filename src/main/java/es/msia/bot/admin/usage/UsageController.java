package es.msia.bot.admin.usage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import es.msia.bot.conversation.LlmOptions;
import es.msia.bot.conversation.LlmUsage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Uso y costes (admins): the LLM's tokens and cost per day (30 days) and month, per conversation and per
 * expediente, calls per customer turn, and the turns the offline engine answered instead, by reason;
 * with the monthly budget and its warning.
 */
@Controller
class UsageController {

	static final int DAYS = 30;

	private static final int MONTHS = 12;

	private static final int TOP = 15;

	private final LlmUsage usage;

	private final LlmOptions options;

	UsageController(LlmUsage usage, LlmOptions options) {
		this.usage = usage;
		this.options = options;
	}

	@GetMapping("/usage")
	String usage(Model model) {
		model.addAttribute("llmBudget", options.budget());
		model.addAttribute("llmChoice", options.current());
		model.addAttribute("any", usage.any());
		List<LlmUsage.Totals> daily = usage.daily(DAYS);
		List<LlmUsage.Totals> newestFirst = new ArrayList<>(daily);
		Collections.reverse(newestFirst);
		model.addAttribute("days", newestFirst);
		model.addAttribute("chart", CostChart.svg(daily));
		model.addAttribute("period", usage.period(DAYS));
		model.addAttribute("months", usage.monthly(MONTHS));
		model.addAttribute("conversations", usage.topConversations(DAYS, TOP));
		model.addAttribute("cases", usage.topCases(DAYS, TOP));
		model.addAttribute("fallbacks", usage.fallbacks(DAYS));
		return "admin/usage/page";
	}

}
