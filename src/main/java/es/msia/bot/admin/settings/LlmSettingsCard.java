package es.msia.bot.admin.settings;

import es.msia.bot.conversation.LlmOptions;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the Ajustes page's LLM card shows, added to that page's model only: the card lives in its own
 * template ({@code settings/llm.html}) and controller ({@link LlmSettingsController}), so the page's
 * controller needs no LLM knowledge.
 */
@ControllerAdvice(assignableTypes = SettingsController.class)
class LlmSettingsCard {

	private final LlmOptions options;

	LlmSettingsCard(LlmOptions options) {
		this.options = options;
	}

	@ModelAttribute
	void llm(Model model) {
		model.addAttribute("llmEnabled", options.enabled());
		model.addAttribute("llmChoice", options.current());
		model.addAttribute("llmDefaults", options.defaults());
		model.addAttribute("llmChange", options.lastChange().orElse(null));
		model.addAttribute("llmBudget", options.budget());
	}

}
