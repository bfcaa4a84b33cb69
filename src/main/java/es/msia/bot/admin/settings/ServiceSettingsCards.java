package es.msia.bot.admin.settings;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import es.msia.bot.handoff.BusinessSchedule;
import es.msia.bot.handoff.WaitTexts;
import es.msia.bot.messaging.BurstWindow;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Fills the Ajustes page's service cards (burst window, business hours, handoff texts) next to what
 * {@link SettingsController} puts there, so each card stays its own fragment
 * ({@code templates/admin/settings/service.html}). After a refused form the values as typed are shown.
 */
@ControllerAdvice(assignableTypes = SettingsController.class)
class ServiceSettingsCards {

	/** The business hours form: days ticked, slots and holidays one per line. */
	record HoursForm(List<DayOfWeek> days, String slots, String holidays) {
	}

	private final BurstWindow burstWindow;

	private final BusinessSchedule schedule;

	private final WaitTexts waitTexts;

	ServiceSettingsCards(BurstWindow burstWindow, BusinessSchedule schedule, WaitTexts waitTexts) {
		this.burstWindow = burstWindow;
		this.schedule = schedule;
		this.waitTexts = waitTexts;
	}

	@ModelAttribute
	void cards(Model model) {
		if (!model.containsAttribute("burstTyped")) {
			model.addAttribute("burstTyped", Long.toString(burstWindow.current().toSeconds()));
		}
		model.addAttribute("burstDefault", burstWindow.defaultWindow().toSeconds());
		if (!model.containsAttribute("hoursTyped")) {
			BusinessSchedule.Schedule current = schedule.current();
			model.addAttribute("hoursTyped", new HoursForm(current.days(), String.join("\n", current.slots()),
					current.holidays().stream().map(Object::toString).collect(Collectors.joining("\n"))));
		}
		model.addAttribute("allDays", DayOfWeek.values());
		model.addAttribute("openNow", schedule.isOpen(Instant.now()));
		if (!model.containsAttribute("textsTyped")) {
			model.addAttribute("textsTyped", waitTexts.current());
		}
	}

}
