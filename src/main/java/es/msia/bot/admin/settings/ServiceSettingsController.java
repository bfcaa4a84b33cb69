package es.msia.bot.admin.settings;

import java.security.Principal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

import es.msia.bot.handoff.BusinessSchedule;
import es.msia.bot.handoff.WaitTexts;
import es.msia.bot.messaging.BurstWindow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ajustes beyond the panic button: the burst window, business hours and holidays, and the handoff texts.
 * Each is stored by its owning module ({@link BurstWindow}, {@link BusinessSchedule}, {@link WaitTexts}) over
 * the environment's defaults and read at runtime. A refused form comes back with its values and the error
 * next to the field ({@link ServiceSettingsCards} fills the cards).
 */
@Controller
class ServiceSettingsController {

	private final BurstWindow burstWindow;

	private final BusinessSchedule schedule;

	private final WaitTexts waitTexts;

	ServiceSettingsController(BurstWindow burstWindow, BusinessSchedule schedule, WaitTexts waitTexts) {
		this.burstWindow = burstWindow;
		this.schedule = schedule;
		this.waitTexts = waitTexts;
	}

	@PostMapping("/settings/burst")
	String burst(@RequestParam(defaultValue = "") String seconds, Principal user, RedirectAttributes redirect) {
		String value = seconds.strip();
		if (!value.matches("\\d{1,2}") || Integer.parseInt(value) > BurstWindow.MAX_SECONDS) {
			redirect.addFlashAttribute("burstError", true);
			redirect.addFlashAttribute("burstTyped", value);
			return "redirect:/settings#burst";
		}
		burstWindow.set(Integer.parseInt(value), "panel:" + user.getName());
		redirect.addFlashAttribute("flash", "settings.burst.saved");
		return "redirect:/settings#burst";
	}

	@PostMapping("/settings/hours")
	String hours(@RequestParam(name = "days", required = false) @Nullable List<DayOfWeek> ticked,
			@RequestParam(defaultValue = "") String slots, @RequestParam(defaultValue = "") String holidays, Principal user,
			RedirectAttributes redirect) {
		List<DayOfWeek> days = ticked == null ? List.of() : ticked;
		List<String> slotList = lines(slots);
		List<LocalDate> dates;
		try {
			dates = lines(holidays).stream().map(LocalDate::parse).toList();
			schedule.save(new BusinessSchedule.Schedule(days, slotList, dates), "panel:" + user.getName());
		}
		catch (DateTimeParseException ex) {
			return hoursRefused("holidays", days, slots, holidays, redirect);
		}
		catch (BusinessSchedule.InvalidSchedule invalid) {
			return hoursRefused(invalid.field(), days, slots, holidays, redirect);
		}
		redirect.addFlashAttribute("flash", "settings.hours.saved");
		return "redirect:/settings#hours";
	}

	@PostMapping("/settings/texts")
	String texts(@RequestParam(defaultValue = "") String open, @RequestParam(defaultValue = "") String closed,
			@RequestParam(defaultValue = "") String unknown, Principal user, RedirectAttributes redirect) {
		WaitTexts.Texts typed = new WaitTexts.Texts(open, closed, unknown);
		try {
			waitTexts.save(typed, "panel:" + user.getName());
		}
		catch (WaitTexts.InvalidTexts invalid) {
			redirect.addFlashAttribute("textsError", true);
			redirect.addFlashAttribute("textsTyped", typed);
			return "redirect:/settings#texts";
		}
		redirect.addFlashAttribute("flash", "settings.texts.saved");
		return "redirect:/settings#texts";
	}

	@PostMapping("/settings/burst/reset")
	String resetBurst(RedirectAttributes redirect) {
		burstWindow.reset();
		redirect.addFlashAttribute("flash", "settings.resetDone");
		return "redirect:/settings#burst";
	}

	@PostMapping("/settings/hours/reset")
	String resetHours(RedirectAttributes redirect) {
		schedule.reset();
		redirect.addFlashAttribute("flash", "settings.resetDone");
		return "redirect:/settings#hours";
	}

	@PostMapping("/settings/texts/reset")
	String resetTexts(RedirectAttributes redirect) {
		waitTexts.reset();
		redirect.addFlashAttribute("flash", "settings.texts.resetDone");
		return "redirect:/settings#texts";
	}

	private static String hoursRefused(String field, List<DayOfWeek> days, String slots, String holidays,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("hoursError", field);
		redirect.addFlashAttribute("hoursTyped", new ServiceSettingsCards.HoursForm(days, slots, holidays));
		return "redirect:/settings#hours";
	}

	private static List<String> lines(String text) {
		return Arrays.stream(text.split("[\\n,]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
	}

}
