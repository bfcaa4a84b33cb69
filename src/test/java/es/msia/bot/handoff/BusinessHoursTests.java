package es.msia.bot.handoff;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessHoursTests {

	static final List<DayOfWeek> WEEKDAYS = List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);

	final HandoffTexts texts = new HandoffTexts();

	static BusinessHours msi(String... holidays) {
		return BusinessHours.of(new HandoffSettings(12, "Europe/Madrid", WEEKDAYS, List.of("09:00-14:00", "16:00-19:00"),
				List.of(holidays), 10));
	}

	String wait(BusinessHours hours, String instant) {
		return texts.waitMessage(hours, Instant.parse(instant));
	}

	@Test
	void insideOpeningHoursSomeoneAnswersSoon() {
		// Monday 2 March 2026, 10:00 in Madrid (CET, UTC+1).
		assertThat(wait(msi(), "2026-03-02T09:00:00Z")).contains("en breve").doesNotContain("fuera de horario");
		assertThat(msi().isOpen(Instant.parse("2026-03-02T08:00:00Z"))).as("9:00 sharp").isTrue();
		assertThat(msi().isOpen(Instant.parse("2026-03-02T17:59:59Z"))).as("18:59:59").isTrue();
	}

	@Test
	void beforeOpeningItSaysTodayAtNine() {
		assertThat(wait(msi(), "2026-03-02T07:59:00Z")).contains("fuera de horario")
			.contains("hoy a partir de las 9:00");
	}

	@Test
	void theLunchGapPointsToTheAfternoonSlot() {
		assertThat(wait(msi(), "2026-03-02T13:30:00Z")).contains("hoy a partir de las 16:00");
	}

	@Test
	void closingTimeIsExclusiveAndPointsToTomorrow() {
		assertThat(msi().isOpen(Instant.parse("2026-03-02T18:00:00Z"))).isFalse();
		assertThat(wait(msi(), "2026-03-02T18:00:00Z")).contains("mañana a partir de las 9:00");
	}

	@Test
	void fridayEveningAndTheWeekendPointToMonday() {
		assertThat(wait(msi(), "2026-03-06T19:00:00Z")).contains("el lunes a partir de las 9:00");
		assertThat(wait(msi(), "2026-03-07T11:00:00Z")).contains("el lunes a partir de las 9:00");
		assertThat(wait(msi(), "2026-03-08T11:00:00Z")).contains("mañana a partir de las 9:00");
	}

	@Test
	void holidaysAreSkipped() {
		assertThat(msi("2026-03-02").isOpen(Instant.parse("2026-03-02T09:00:00Z"))).isFalse();
		assertThat(wait(msi("2026-03-09"), "2026-03-06T19:00:00Z")).contains("el martes a partir de las 9:00");
	}

	@Test
	void aLongClosureNamesTheDate() {
		BusinessHours closedAWeek = msi("2026-03-09", "2026-03-10", "2026-03-11", "2026-03-12", "2026-03-13");

		assertThat(wait(closedAWeek, "2026-03-06T19:00:00Z")).contains("el lunes 16 de marzo a partir de las 9:00");
	}

	@Test
	void openingStaysAtNineLocalAcrossDaylightSavingChanges() {
		// Spring forward on Sunday 29 March 2026: Friday 20:00 CET → Monday 9:00 CEST = 07:00Z.
		assertThat(msi().nextOpening(Instant.parse("2026-03-27T19:00:00Z")).orElseThrow().toInstant())
			.isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
		// 03:30 CEST on the night of the change itself.
		assertThat(wait(msi(), "2026-03-29T01:30:00Z")).contains("mañana a partir de las 9:00");
		// Fall back on Sunday 25 October 2026: Friday 19:30 CEST → Monday 9:00 CET = 08:00Z.
		assertThat(msi().nextOpening(Instant.parse("2026-10-23T17:30:00Z")).orElseThrow().toInstant())
			.isEqualTo(Instant.parse("2026-10-26T08:00:00Z"));
		// Summer time: 9:30 CEST is 07:30Z.
		assertThat(msi().isOpen(Instant.parse("2026-07-01T07:30:00Z"))).isTrue();
		assertThat(msi().isOpen(Instant.parse("2026-07-01T06:30:00Z"))).isFalse();
	}

	@Test
	void withoutAnyOpeningTheMessageStaysHonest() {
		BusinessHours never = BusinessHours
			.of(new HandoffSettings(12, "Europe/Madrid", List.of(), List.of("09:00-14:00"), List.of(), 10));

		assertThat(wait(never, "2026-03-02T09:00:00Z")).contains("en cuanto sea posible");
	}

}
