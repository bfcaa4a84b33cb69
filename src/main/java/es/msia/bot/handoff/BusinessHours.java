package es.msia.bot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When MSI's staff answer: working days, slots within a day, and holidays, in one time zone. Slots are
 * local times, so a 9:00 opening stays 9:00 across daylight-saving changes.
 */
final class BusinessHours {

	/** One opening slot, start inclusive, end exclusive. */
	record Slot(LocalTime start, LocalTime end) {

		static Slot parse(String text) {
			String[] parts = text.trim().split("-");
			if (parts.length != 2) {
				throw new IllegalArgumentException("Business hours slot must be HH:mm-HH:mm: " + text);
			}
			return new Slot(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
		}

	}

	/** How far ahead to look for the next opening (a long closure still has an answer). */
	private static final int HORIZON_DAYS = 366;

	private final ZoneId zone;

	private final Set<DayOfWeek> days;

	private final List<Slot> slots;

	private final Set<LocalDate> holidays;

	BusinessHours(ZoneId zone, Set<DayOfWeek> days, List<Slot> slots, Set<LocalDate> holidays) {
		this.zone = zone;
		this.days = Set.copyOf(days);
		this.slots = slots.stream().sorted(Comparator.comparing(Slot::start)).toList();
		this.holidays = Set.copyOf(holidays);
	}

	static BusinessHours of(HandoffSettings settings) {
		return new BusinessHours(ZoneId.of(settings.zone()), Set.copyOf(settings.days()),
				settings.hours().stream().map(Slot::parse).toList(),
				settings.holidays().stream().map(d -> LocalDate.parse(d.trim())).collect(Collectors.toSet()));
	}

	ZoneId zone() {
		return zone;
	}

	boolean isOpen(Instant now) {
		ZonedDateTime local = now.atZone(zone);
		if (!isWorkingDay(local.toLocalDate())) {
			return false;
		}
		LocalTime time = local.toLocalTime();
		return slots.stream().anyMatch(s -> !time.isBefore(s.start()) && time.isBefore(s.end()));
	}

	/** The next slot start strictly after {@code now}, if any within a year. */
	Optional<ZonedDateTime> nextOpening(Instant now) {
		LocalDate today = now.atZone(zone).toLocalDate();
		for (int d = 0; d <= HORIZON_DAYS; d++) {
			LocalDate date = today.plusDays(d);
			if (!isWorkingDay(date)) {
				continue;
			}
			for (Slot slot : slots) {
				ZonedDateTime start = ZonedDateTime.of(date, slot.start(), zone);
				if (start.toInstant().isAfter(now)) {
					return Optional.of(start);
				}
			}
		}
		return Optional.empty();
	}

	private boolean isWorkingDay(LocalDate date) {
		return days.contains(date.getDayOfWeek()) && !holidays.contains(date);
	}

}
