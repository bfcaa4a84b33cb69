package es.msia.bot.cases;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import es.msia.bot.cases.domain.Case;
import es.msia.bot.cases.domain.CaseTexts;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import es.msia.bot.catalog.Catalog;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Silence on a collecting case: one reminder after {@code CASE_REMINDER_HOURS} (only while WhatsApp's 24 h
 * customer-service window is open), and after {@code CASE_ABANDON_DAYS} the case is abandoned. The time
 * is a parameter of {@link #sweep(Instant)} so tests can move it.
 */
@Component
public class CaseReminders {

	private static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

	private final Cases cases;

	private final Catalog catalog;

	private final CaseTexts texts;

	private final CasesSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	CaseReminders(Cases cases, Catalog catalog, CaseTexts texts, CasesSettings settings, ApplicationEventPublisher events) {
		this.cases = cases;
		this.catalog = catalog;
		this.texts = texts;
		this.settings = settings;
		this.events = events;
	}

	@Scheduled(fixedDelayString = "${msia.cases.sweep-interval:5m}", initialDelayString = "1m")
	void scheduled() {
		sweep(clock.instant());
	}

	/** Sends due reminders and abandons long-silent cases, as of {@code now}. */
	@Transactional
	public void sweep(Instant now) {
		Instant remindBefore = now.minus(Duration.ofHours(settings.reminderHours()));
		Instant windowStart = now.minus(WHATSAPP_WINDOW);
		for (CaseRow row : cases.silentSince(remindBefore, windowStart)) {
			CollectionPlan plan = new CollectionPlan(catalog.category(row.category()).orElseThrow(), catalog.caseData());
			String question = texts.prompt(plan.next(row.data()), plan, row.data(), row.reference());
			String text = texts.text("case.reminder", row.reference()) + "\n\n" + question;
			cases.markReminded(row.id(), now);
			cases.event(row.id(), "reminded", null, "system");
			// The sweep only picks cases still inside the 24 h window; a reminder that cannot go out within a
			// few minutes is better blocked than sent late into a closed window.
			events.publishEvent(new CaseReminderDue(row.id(), row.reference(), row.conversationId(), text, question,
					now.plus(Duration.ofMinutes(5))));
		}
		for (CaseRow row : cases.silentSince(now.minus(Duration.ofDays(settings.abandonDays())), null)) {
			cases.setStatus(row.id(), Case.moveTo(row.status(), CaseStatus.ABANDONED));
			cases.event(row.id(), "status_abandoned", null, "system");
			events.publishEvent(new CaseAbandoned(row.id(), row.reference(), row.conversationId()));
		}
	}

}
