package es.msia.bot.handoff;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Customer and staff texts of the handoff ({@code messages/handoff.properties}, Spanish from Spain).
 */
@Component
class HandoffTexts {

	private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("H:mm", SPANISH);

	/** Within this many days, the weekday name alone is unambiguous. */
	private static final int WEEKDAY_ONLY_DAYS = 6;

	private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

	HandoffTexts() {
		source.setBasename("messages/handoff");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
	}

	String get(String key, Object... args) {
		return source.getMessage(key, args, SPANISH);
	}

	/** The bundled wait messages, unformatted (without arguments the source returns the text as written). */
	WaitTexts.Texts bundledWaitTexts() {
		return new WaitTexts.Texts(get("handoff.wait.open"), get("handoff.wait.closed"), get("handoff.wait.unknown"));
	}

	/** What the customer is told when a person takes over, with the bundled wording. */
	String waitMessage(BusinessHours hours, Instant now) {
		return waitMessage(hours, bundledWaitTexts(), now);
	}

	/** What the customer is told when a person takes over, honest about when that will be. */
	String waitMessage(BusinessHours hours, WaitTexts.Texts wording, Instant now) {
		if (hours.isOpen(now)) {
			return wording.open();
		}
		Optional<ZonedDateTime> next = hours.nextOpening(now);
		if (next.isEmpty()) {
			return wording.unknown();
		}
		// Staff write plain text: a quote is a quote, only {0} and {1} are placeholders.
		return new MessageFormat(wording.closed().replace("'", "''"), SPANISH)
			.format(new Object[] { when(now.atZone(hours.zone()).toLocalDate(), next.get()), HOUR.format(next.get()) });
	}

	private String when(LocalDate today, ZonedDateTime opening) {
		LocalDate day = opening.toLocalDate();
		long days = day.toEpochDay() - today.toEpochDay();
		String weekday = day.getDayOfWeek().getDisplayName(TextStyle.FULL, SPANISH);
		if (days == 0) {
			return get("handoff.when.today");
		}
		if (days == 1) {
			return get("handoff.when.tomorrow");
		}
		if (days <= WEEKDAY_ONLY_DAYS) {
			return get("handoff.when.weekday", weekday);
		}
		return get("handoff.when.date", weekday, Integer.toString(day.getDayOfMonth()),
				day.getMonth().getDisplayName(TextStyle.FULL, SPANISH));
	}

	String reason(HandoffReason reason) {
		return get("handoff.reason." + reason.name());
	}

}
