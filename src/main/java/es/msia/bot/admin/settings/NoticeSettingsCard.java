package es.msia.bot.admin.settings;

import es.msia.bot.notifications.NoticeTemplate;
import es.msia.bot.notifications.NoticeTemplates;
import es.msia.bot.notifications.ParamSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the Ajustes page's WhatsApp templates card shows ({@code settings/notices.html}): the registry's
 * entries, the parameter sources and the template categories.
 */
@ControllerAdvice(assignableTypes = SettingsController.class)
class NoticeSettingsCard {

	private final NoticeTemplates templates;

	NoticeSettingsCard(NoticeTemplates templates) {
		this.templates = templates;
	}

	@ModelAttribute
	void notices(Model model) {
		model.addAttribute("notices", templates.all());
		model.addAttribute("paramSources", ParamSource.values());
		model.addAttribute("noticeCategories", NoticeTemplate.CATEGORIES);
	}

}
