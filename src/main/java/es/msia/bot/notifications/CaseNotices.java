package es.msia.bot.notifications;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.cases.CaseFileRejected;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseMilestone;
import es.msia.bot.cases.CaseMilestoneReached;
import es.msia.bot.cases.CaseReminderDue;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.CaseStatusChanged;
import es.msia.bot.cases.CaseTimeline;
import es.msia.bot.cases.CaseView;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.chatwoot.ReplyRefused;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns what happens to a case into the one message the customer gets about it, in the transaction that
 * made it happen (before commit, so a rolled-back change sends nothing). The outbox's idempotency key
 * {@code case-notice:<case>:<purpose>} makes it one message per case and purpose, whatever is clicked
 * twice or bounces between statuses; a rejected file is one message per file.
 */
@Component
class CaseNotices {

	private static final Logger log = LoggerFactory.getLogger(CaseNotices.class);

	static final String KEY_PREFIX = "case-notice:";

	/** Only these staff transitions matter to the customer; the rest (back to collecting...) stay internal. */
	private static final Map<CaseStatus, NoticePurpose> BY_STATUS = Map.of(CaseStatus.IN_PROGRESS,
			NoticePurpose.CASE_IN_REVIEW, CaseStatus.RESOLVED, NoticePurpose.CASE_RESOLVED, CaseStatus.CANCELLED,
			NoticePurpose.CASE_CANCELLED);

	private final NoticeTemplates templates;

	private final ChatwootOutbox outbox;

	private final CaseManagement cases;

	private final CaseTimeline timeline;

	private final Customers customers;

	private final ResourceBundleMessageSource words = new ResourceBundleMessageSource();

	CaseNotices(NoticeTemplates templates, ChatwootOutbox outbox, CaseManagement cases, CaseTimeline timeline,
			Customers customers) {
		this.templates = templates;
		this.outbox = outbox;
		this.cases = cases;
		this.timeline = timeline;
		this.customers = customers;
		words.setBasename("messages/notifications");
		words.setDefaultEncoding("UTF-8");
		words.setFallbackToSystemLocale(false);
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseFileRejected event) {
		NoticeFacts facts = facts(event.caseId(), event.reference()).withFile(event.item(),
				event.reason() == null ? "-" : event.reason(),
				word(event.document() ? "notice.file.document" : "notice.file.photo"));
		send(event.caseId(), event.conversationId(), NoticePurpose.FILE_REJECTED,
				NoticePurpose.FILE_REJECTED.code() + ":" + event.fileId(), facts, event.windowEnds());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseStatusChanged event) {
		NoticePurpose purpose = BY_STATUS.get(event.to());
		// In review means taken up from the queue; a case sent back from in progress is not news to the customer.
		if (purpose == null || (purpose == NoticePurpose.CASE_IN_REVIEW && event.from() != CaseStatus.PENDING_REVIEW)) {
			return;
		}
		send(event.caseId(), event.conversationId(), purpose, purpose.code(), facts(event.caseId(), event.reference()),
				event.windowEnds());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseMilestoneReached event) {
		NoticePurpose purpose = NoticePurpose.valueOf(event.milestone().name());
		send(event.caseId(), event.conversationId(), purpose, purpose.code(), facts(event.caseId(), event.reference()),
				event.windowEnds());
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseReminderDue event) {
		send(event.caseId(), event.conversationId(), NoticePurpose.REMINDER, NoticePurpose.REMINDER.code(),
				facts(event.caseId(), event.reference()).withNextQuestion(event.nextQuestion()), event.sendBefore());
	}

	/** WhatsApp refused one of our notices (e.g. a template not approved): staff see it on the case. */
	@EventListener
	void on(ReplyRefused event) {
		if (!event.idempotencyKey().startsWith(KEY_PREFIX)) {
			return;
		}
		String[] parts = event.idempotencyKey().substring(KEY_PREFIX.length()).split(":");
		long caseId = Long.parseLong(parts[0]);
		timeline.record(caseId, "notice_failed", parts[1] + (event.template() ? " (plantilla)" : "") + ": " + event.error(),
				"whatsapp");
		log.warn("Notice {} of case {} refused by WhatsApp: {}", parts[1], caseId, event.error());
	}

	private void send(long caseId, long conversationId, NoticePurpose purpose, String key, NoticeFacts facts,
			@Nullable Instant windowEnds) {
		Optional<NoticeTemplate> entry = templates.find(purpose);
		if (entry.isEmpty() || !entry.get().enabled()) {
			timeline.record(caseId, "notice_off", purpose.code(), "system");
			return;
		}
		NoticeTemplate template = entry.get();
		boolean fresh = outbox.enqueue(OutboundReply.businessInitiated(KEY_PREFIX + caseId + ":" + key, conversationId,
				template.windowText(facts), windowEnds, template.whatsApp(facts)));
		if (fresh) {
			timeline.record(caseId, "notice_sent", purpose.code(), "system");
		}
	}

	private NoticeFacts facts(long caseId, String reference) {
		CaseView view = cases.view(caseId);
		String name = (view.personal().getOrDefault("nombre", "") + " " + view.personal().getOrDefault("apellidos", ""))
			.strip();
		if (name.isEmpty() && view.customerId() != null) {
			name = customers.find(new CustomerId(view.customerId())).map(CustomerView::name).orElse("");
			name = name == null ? "" : name.strip();
		}
		return NoticeFacts.of(name.isEmpty() ? word("notice.noName") : name, reference);
	}

	private String word(String key) {
		return words.getMessage(key, null, Locale.forLanguageTag("es"));
	}

}
