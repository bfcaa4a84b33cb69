package es.msia.bot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import es.msia.bot.shared.StoredSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * MSI's business hours and holidays in force: the panel's override (row {@code business_hours} of
 * {@code settings}) over {@code msia.handoff.days/hours/holidays}. Read whenever a wait message is worded, so
 * a change applies to the next handoff. The time zone stays the configured one.
 */
@Service
public class BusinessSchedule {

	static final String KEY = "business_hours";

	/**
	 * Working days, opening slots ({@code HH:mm-HH:mm}) and closed dates.
	 */
	public record Schedule(List<DayOfWeek> days, List<String> slots, List<LocalDate> holidays) {

		public Schedule {
			days = List.copyOf(EnumSet.copyOf(days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : days));
			slots = List.copyOf(slots);
			holidays = holidays.stream().distinct().sorted().toList();
		}

	}

	/** Why a schedule was refused: {@code days}, {@code slots} or {@code holidays}. */
	public static final class InvalidSchedule extends RuntimeException {

		private final String field;

		InvalidSchedule(String field) {
			super("Invalid business hours: " + field);
			this.field = field;
		}

		public String field() {
			return field;
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final HandoffSettings settings;

	BusinessSchedule(JdbcClient jdbc, JsonMapper json, HandoffSettings settings) {
		this.jdbc = jdbc;
		this.json = json;
		this.settings = settings;
	}

	/** The schedule in force. */
	public Schedule current() {
		return override().orElseGet(this::defaults);
	}

	/** The configured schedule, used while the panel sets none. */
	public Schedule defaults() {
		return new Schedule(settings.days(), settings.hours(),
				settings.holidays().stream().map(d -> LocalDate.parse(d.trim())).toList());
	}

	public Optional<Schedule> override() {
		return StoredSetting.of(jdbc, KEY).read()
			.map(v -> json.readValue(v, Schedule.class));
	}

	/** Whether MSI's staff are working now. */
	public boolean isOpen(Instant now) {
		return hours().isOpen(now);
	}

	/**
	 * Stores a new schedule after checking it: at least one day, at least one slot, each slot
	 * {@code HH:mm-HH:mm} with its start before its end.
	 */
	public void save(Schedule schedule, String actor) {
		if (schedule.days().isEmpty()) {
			throw new InvalidSchedule("days");
		}
		if (schedule.slots().isEmpty()) {
			throw new InvalidSchedule("slots");
		}
		for (String slot : schedule.slots()) {
			try {
				BusinessHours.Slot parsed = BusinessHours.Slot.parse(slot);
				if (!parsed.start().isBefore(parsed.end())) {
					throw new InvalidSchedule("slots");
				}
			}
			catch (DateTimeParseException | IllegalArgumentException ex) {
				throw new InvalidSchedule("slots");
			}
		}
		StoredSetting.of(jdbc, KEY).write(json.writeValueAsString(schedule), actor);
	}

	BusinessHours hours() {
		Schedule schedule = current();
		return new BusinessHours(ZoneId.of(settings.zone()), EnumSet.copyOf(schedule.days()),
				schedule.slots().stream().map(BusinessHours.Slot::parse).toList(), java.util.Set.copyOf(schedule.holidays()));
	}

	/** Drops the panel's override: back to the configured default. */
	public void reset() {
		StoredSetting.of(jdbc, KEY).clear();
	}

}
