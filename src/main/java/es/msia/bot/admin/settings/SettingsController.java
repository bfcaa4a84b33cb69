package es.msia.bot.admin.settings;

import java.security.Principal;

import es.msia.bot.conversation.AgentSwitch;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Ajustes: the panic button (agent on/off). */
@Controller
class SettingsController {

	private final AgentSwitch agent;

	SettingsController(AgentSwitch agent) {
		this.agent = agent;
	}

	@GetMapping("/settings")
	String settings(Model model) {
		model.addAttribute("agentEnabled", agent.enabled());
		return "admin/settings/page";
	}

	@PostMapping("/settings/agent")
	String agent(@RequestParam boolean enabled, Principal user, RedirectAttributes redirect) {
		agent.set(enabled, "panel:" + user.getName());
		redirect.addFlashAttribute("flash", enabled ? "settings.agent.on" : "settings.agent.off");
		return "redirect:/settings";
	}

}
