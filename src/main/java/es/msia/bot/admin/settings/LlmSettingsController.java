package es.msia.bot.admin.settings;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;

import es.msia.bot.conversation.LlmOptions;
import es.msia.bot.conversation.LlmChoice;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Ajustes page's LLM card ({@code settings/llm.html}): model, OpenRouter backups and monthly budget,
 * saved over the environment's defaults and used by the agent from its next turn. Who saved it and when
 * is kept with the setting and logged.
 */
@Controller
class LlmSettingsController {

	private static final int MAX_MODEL_LENGTH = 120;

	private final LlmOptions options;

	LlmSettingsController(LlmOptions options) {
		this.options = options;
	}

	@PostMapping("/settings/llm")
	String save(@RequestParam String model, @RequestParam(defaultValue = "") String fallbackModels,
			@RequestParam String monthlyBudgetEur, Principal user, RedirectAttributes redirect) {
		BigDecimal budget;
		try {
			budget = new BigDecimal(monthlyBudgetEur.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("flashError", "settings.llm.invalidBudget");
			return "redirect:/settings";
		}
		List<String> fallbacks = Arrays.stream(fallbackModels.split("[,\\n]")).map(String::strip).filter(m -> !m.isEmpty())
			.toList();
		if (budget.signum() < 0 || budget.scale() > 2 || budget.compareTo(new BigDecimal("100000")) > 0) {
			redirect.addFlashAttribute("flashError", "settings.llm.invalidBudget");
			return "redirect:/settings";
		}
		if (!validModel(model) || !fallbacks.stream().allMatch(LlmSettingsController::validModel) || fallbacks.size() > 5) {
			redirect.addFlashAttribute("flashError", "settings.llm.invalidModel");
			return "redirect:/settings";
		}
		options.update(new LlmChoice(model.strip(), fallbacks, budget), "panel:" + user.getName());
		redirect.addFlashAttribute("flash", "settings.llm.saved");
		return "redirect:/settings";
	}

	@PostMapping("/settings/llm/reset")
	String reset(Principal user, RedirectAttributes redirect) {
		options.reset("panel:" + user.getName());
		redirect.addFlashAttribute("flash", "settings.llm.reset");
		return "redirect:/settings";
	}

	/** OpenRouter model slugs: {@code vendor/model[:variant]}. */
	private static boolean validModel(String slug) {
		String s = slug.strip();
		return !s.isEmpty() && s.length() <= MAX_MODEL_LENGTH && s.matches("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9._:-]+");
	}

}
