package es.msia.bot.admin.settings;

import java.security.Principal;

import es.msia.bot.notifications.InvalidNoticeTemplate;
import es.msia.bot.notifications.NoticePurpose;
import es.msia.bot.notifications.NoticeTemplate;
import es.msia.bot.notifications.NoticeTemplates;
import es.msia.bot.notifications.ParamSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ajustes · WhatsApp templates: saves one purpose's entry of the registry (template name, language,
 * category, parameters, body, status text, text inside the window, on/off). An entry WhatsApp would refuse
 * is not saved; the error names the field.
 */
@Controller
class NoticeSettingsController {

	private final NoticeTemplates templates;

	NoticeSettingsController(NoticeTemplates templates) {
		this.templates = templates;
	}

	@PostMapping("/settings/notices/{purpose}")
	String save(@PathVariable String purpose, @RequestParam(defaultValue = "false") boolean enabled,
			@RequestParam String templateName, @RequestParam String language, @RequestParam String category,
			@RequestParam(defaultValue = "") String bodyParams, @RequestParam String templateBody,
			@RequestParam(defaultValue = "") String statusText, @RequestParam String windowText, Principal user,
			RedirectAttributes redirect) {
		NoticePurpose which;
		try {
			which = NoticePurpose.fromCode(purpose);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("flashError", "notices.invalid.purpose");
			return "redirect:/settings#notices";
		}
		try {
			templates.save(new NoticeTemplate(which, enabled, templateName, language, category,
					ParamSource.parseList(bodyParams), templateBody, statusText, windowText, null, null),
					"panel:" + user.getName());
		}
		catch (InvalidNoticeTemplate invalid) {
			redirect.addFlashAttribute("flashError", invalid.messageKey());
			return "redirect:/settings#notice-" + which.code();
		}
		redirect.addFlashAttribute("flash", "notices.saved");
		return "redirect:/settings#notice-" + which.code();
	}

}
