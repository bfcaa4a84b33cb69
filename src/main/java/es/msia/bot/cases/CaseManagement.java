package es.msia.bot.cases;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.cases.domain.Case;
import es.msia.bot.cases.domain.CaseData;
import es.msia.bot.cases.domain.CaseDialogue;
import es.msia.bot.cases.domain.CaseItem;
import es.msia.bot.cases.domain.CaseTexts;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.domain.Line;
import es.msia.bot.cases.domain.Step;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.QuotedItem;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Command side of cases: open a case from an accepted quote, take each customer message of the
 * collection (values, corrections, files), cancel, and staff status changes. Every reply text comes from
 * the deterministic flow; one open case per conversation and per customer.
 */
@Service
public class CaseManagement {

	/** The case event's detail when the case flow hands a conversation to a person: which message did. */
	private static final String HANDED_OFF_DETAIL = "repeated misunderstanding, message %d";

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final java.time.Duration WHATSAPP_WINDOW = java.time.Duration.ofHours(24);

	private final Cases cases;

	private final Catalog catalog;

	private final CaseTexts texts;

	private final CaseFiles files;

	private final ApplicationEventPublisher events;

	private final Clock clock = Clock.systemUTC();

	CaseManagement(Cases cases, Catalog catalog, CaseTexts texts, CaseFiles files,
			ApplicationEventPublisher events) {
		this.cases = cases;
		this.catalog = catalog;
		this.texts = texts;
		this.files = files;
		this.events = events;
	}

	/** Opens a case; when one is already open it is not opened again and the reply continues the open one. */
	@Transactional
	public CaseReply open(OpenCase request) {
		Optional<CaseRow> existing = cases.openOfConversation(request.conversationId())
			.or(() -> cases.openOfCustomer(request.customerId()));
		if (existing.isPresent()) {
			return alreadyOpen(existing.get());
		}
		List<CaseItem> items = request.quote().items().stream().map(this::item).toList();
		CaseData data = CaseData.start(items, cases.knownPersonal(request.customerId()));
		long id;
		try {
			id = cases.insert(request, ZonedDateTime.now(clock.withZone(MADRID)).getYear(), data);
		}
		catch (DuplicateKeyException raced) {
			return alreadyOpen(cases.openOfConversation(request.conversationId()).orElseThrow());
		}
		CaseRow row = cases.find(id).orElseThrow();
		cases.event(id, "opened", request.quote().tierCode() + " " + request.quote().tierPrice() + " €", "customer");
		events.publishEvent(new CaseOpened(id, row.reference(), row.conversationId()));
		String reply = texts.text("case.opened", row.reference()) + "\n\n" + prompt(row, row.data());
		return new CaseReply(row.reference(), CaseStatus.COLLECTING, reply);
	}

	/** The open case of a conversation, if any. */
	public Optional<CaseView> openCase(long conversationId) {
		return cases.openOfConversation(conversationId).map(this::view);
	}

	/**
	 * The fields the conversation's case asks for now, when its current question is about fields (not
	 * photos, documents, the workshop choice or the summary).
	 */
	public Optional<OpenFields> askedFields(long conversationId) {
		return cases.openOfConversation(conversationId)
			.filter(row -> row.status() == CaseStatus.COLLECTING)
			.flatMap(row -> plan(row).next(row.data()) instanceof Step.Fields fields
					? Optional.of(new OpenFields(fields.scope(), subject(fields), fields.fields()))
					: Optional.empty());
	}

	/** As {@link #receive(long, long, String, List, Map)} without values proposed by a language model. */
	@Transactional
	public Optional<CaseReply> receive(long conversationId, long messageId, String text, List<IncomingFile> incoming) {
		return receive(conversationId, messageId, text, incoming, Map.of());
	}

	/**
	 * Takes one customer message for the conversation's case: stores its files under what is being asked,
	 * reads values and corrections, and says what comes next. Repeating a message id repeats the reply.
	 *
	 * @param proposed values a language model read from the message for the fields asked (see
	 *     {@link #askedFields}), by field key; they pass the same rules as typed values, fill only fields the
	 *     message's own reading left alone, and any other key is ignored
	 */
	@Transactional
	public Optional<CaseReply> receive(long conversationId, long messageId, String text, List<IncomingFile> incoming,
			Map<String, String> proposed) {
		Optional<CaseRow> found = cases.openOfConversation(conversationId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		CaseRow row = found.get();
		if (row.lastMessageId() != null && row.lastMessageId() == messageId && row.lastReply() != null) {
			// A turn resumed after a crash hands off again if this message did: the escalation may not have been made.
			boolean handedOff = cases.events(row.id()).stream()
				.anyMatch(e -> e.type().equals("handed_off") && HANDED_OFF_DETAIL.formatted(messageId).equals(e.detail()));
			return Optional.of(new CaseReply(row.reference(), row.status(), row.lastReply(), handedOff));
		}
		if (row.status() != CaseStatus.COLLECTING) {
			String reply = incoming.isEmpty() ? texts.text("case.pendingReview", row.reference())
					: afterSubmission(row, messageId, incoming);
			cases.saveTurn(row.id(), row.data(), messageId, reply);
			return Optional.of(new CaseReply(row.reference(), row.status(), reply));
		}
		CollectionPlan plan = plan(row);
		Step step = plan.next(row.data());
		CaseFiles.Filed filed = files.file(row, step, messageId, incoming);
		List<String> quality = qualityLines(step, filed);
		if (filed.added() == 0 && !quality.isEmpty()) {
			// Only photos the gate sent back came: the request to repeat them is the whole answer, nothing moved.
			List<String> out = new ArrayList<>();
			filed.refusals().forEach(reason -> out.add(texts.text("files.refused." + reason)));
			out.addAll(quality);
			String reply = String.join("\n", out);
			cases.saveTurn(row.id(), row.data(), messageId, reply);
			return Optional.of(new CaseReply(row.reference(), row.status(), reply));
		}
		CaseDialogue.Outcome outcome = new CaseDialogue(plan).apply(row.data(), text, filed.added(), filed.inSlot(),
				proposed);
		List<String> out = new ArrayList<>();
		filed.refusals().forEach(reason -> out.add(texts.text("files.refused." + reason)));
		out.addAll(quality);
		CaseStatus status = row.status();
		if (outcome.submit()) {
			status = Case.moveTo(status, CaseStatus.PENDING_REVIEW);
			cases.setStatus(row.id(), status);
			cases.event(row.id(), "submitted", null, "customer");
			events.publishEvent(new CaseSubmitted(row.id(), row.reference(), conversationId));
		}
		out.add(texts.reply(outcome, plan, row.reference()));
		String reply = String.join("\n", out);
		cases.saveTurn(row.id(), outcome.data(), messageId, reply);
		if (outcome.handOff()) {
			cases.event(row.id(), "handed_off", HANDED_OFF_DETAIL.formatted(messageId), "bot");
		}
		return Optional.of(new CaseReply(row.reference(), status, reply, outcome.handOff()));
	}

	/**
	 * What the customer reads about the photos the quality gate flagged: a request to repeat each one, naming
	 * the problem and the item, while the step still lacks photos (none once other photos completed it); a
	 * photo kept for staff after the retries is said to be kept.
	 */
	private List<String> qualityLines(Step step, CaseFiles.Filed filed) {
		int expected = step instanceof Step.Photos photos ? photos.expected()
				: step instanceof Step.Document document ? document.expected() : 0;
		boolean stillShort = filed.inSlot() < expected;
		List<String> lines = new ArrayList<>();
		for (CaseFiles.Flag flag : filed.flags()) {
			String line = flag.kept()
					? texts.text("files.quality.kept", flag.shows(), texts.text("files.quality.short." + flag.issue().code()))
					: stillShort ? texts.text("files.quality." + flag.issue().code(), flag.shows()) : null;
			if (line != null && !lines.contains(line)) {
				lines.add(line);
			}
		}
		return lines;
	}

	/** The customer cancels the conversation's open case. */
	@Transactional
	public Optional<CaseReply> cancel(long conversationId) {
		return cases.openOfConversation(conversationId).map(row -> {
			move(row, CaseStatus.CANCELLED, "customer", null);
			return new CaseReply(row.reference(), CaseStatus.CANCELLED, texts.text("case.cancelled", row.reference()));
		});
	}

	/** A case with its files and timeline. */
	public CaseView view(long caseId) {
		return view(cases.find(caseId).orElseThrow(() -> new CaseNotFound("case " + caseId)));
	}

	/** Cases by status and free text, newest first. */
	public List<CaseView> search(@Nullable CaseStatus status, @Nullable String text) {
		return cases.search(status, text == null || text.isBlank() ? null : text.trim(), 200).stream().map(this::view).toList();
	}

	/** The cases opened in one conversation, newest first (for links from the conversation page). */
	public List<CaseView> ofConversation(long conversationId) {
		return cases.linkedTo(conversationId, null, 50).stream().map(this::view).toList();
	}

	/** One customer's cases, newest first (for links from the customer page). */
	public List<CaseView> ofCustomer(long customerId) {
		return cases.linkedTo(null, customerId, 50).stream().map(this::view).toList();
	}

	/** How many cases there are in each status, every status present (zero when none). */
	public java.util.Map<CaseStatus, Long> countByStatus() {
		java.util.Map<CaseStatus, Long> counts = new java.util.EnumMap<>(CaseStatus.class);
		for (CaseStatus status : CaseStatus.values()) {
			counts.put(status, 0L);
		}
		counts.putAll(cases.countByStatus());
		return counts;
	}

	/**
	 * Cases opened per day (Europe/Madrid) over the last {@code days} days, oldest first, with zero days;
	 * simulator cases left out, as the dashboard's other figures leave them out.
	 */
	public java.util.Map<java.time.LocalDate, Long> openedPerDay(int days) {
		java.util.Map<java.time.LocalDate, Long> perDay = new java.util.LinkedHashMap<>();
		cases.openedPerDay(days, es.msia.bot.shared.SimulatedConversations.FIRST_ID)
			.forEach(e -> perDay.put(e.getKey(), e.getValue()));
		return perDay;
	}

	/** The statuses staff may move a case in {@code from} to, so a page offers only those. */
	public java.util.Set<CaseStatus> nextStatuses(CaseStatus from) {
		return Case.allowedFrom(from);
	}

	/**
	 * Staff change the status (guarded by the case's state machine), with a note on the timeline; publishes
	 * {@link CaseStatusChanged}.
	 */
	@Transactional
	public CaseView changeStatus(long caseId, CaseStatus to, @Nullable String note, String actor) {
		CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFound("case " + caseId));
		move(row, to, actor, note);
		events.publishEvent(new CaseStatusChanged(row.id(), row.reference(), row.conversationId(), row.status(), to, actor,
				cases.lastCustomerMessage(row.conversationId()).map(at -> at.plus(WHATSAPP_WINDOW)).orElse(null)));
		return view(caseId);
	}

	/**
	 * Staff add a note to the case's timeline. A note for the customer is what the bot tells them when they
	 * ask how their case is going (the latest one); any other note stays internal.
	 */
	@Transactional
	public CaseView addNote(long caseId, String note, boolean forCustomer, String actor) {
		CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFound("case " + caseId));
		cases.event(row.id(), forCustomer ? CaseStatusAnswers.CUSTOMER_NOTE : "note", note, actor);
		return view(caseId);
	}

	/** The cases of a customer or of their conversations, oldest first (for the GDPR export). */
	public List<CaseView> ofCustomer(long customerId, java.util.Collection<Long> conversationIds) {
		return cases.ofCustomer(customerId, conversationIds).stream().map(this::view).toList();
	}

	/**
	 * GDPR erasure (art. 17) of the cases of a customer or of their conversations. Each case keeps only what
	 * MSI must keep: reference, dates, status, category, quoted tier and prices, catalogue version, the quoted
	 * items (without their field values) and the timeline's event types. Personal, vehicle and workshop data,
	 * item field values, staff notes, the files (rows and bytes on disk) and the link to the customer go. An
	 * open case is cancelled first: there is nothing left to continue with. Running it again is harmless.
	 *
	 * @return the references of the erased cases
	 */
	@Transactional
	public List<String> erasePersonalData(@Nullable Long customerId, java.util.Collection<Long> conversationIds,
			String actor) {
		List<String> references = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (CaseRow row : cases.ofCustomer(customerId, conversationIds)) {
			if (row.status().isOpen()) {
				move(row, CaseStatus.CANCELLED, actor, null);
			}
			List<CaseItem> items = row.data().items().stream()
				.map(i -> new CaseItem(i.code(), i.nameEs(), i.elementCode(), i.variantCode(), java.util.Map.of()))
				.toList();
			hashes.addAll(cases.erasePersonalData(row.id(),
					new CaseData(items, java.util.Map.of(), java.util.Map.of(), null, java.util.Map.of(),
							java.util.Set.of(), false)));
			cases.event(row.id(), "personal_data_erased", null, actor);
			references.add(row.reference());
		}
		files.deleteUnused(hashes);
		return references;
	}

	private void move(CaseRow row, CaseStatus to, String actor, @Nullable String note) {
		CaseStatus target = Case.moveTo(row.status(), to);
		cases.setStatus(row.id(), target);
		cases.event(row.id(), "status_" + target.code(), note, actor);
		if (target == CaseStatus.CANCELLED) {
			events.publishEvent(new CaseCancelled(row.id(), row.reference(), row.conversationId(), actor));
		}
	}

	/** Files sent once the case is in review: replacements of rejected photos, or extra files for staff. */
	private String afterSubmission(CaseRow row, long messageId, List<IncomingFile> incoming) {
		CaseFiles.Replaced filed = files.replacements(row, messageId, incoming);
		List<String> out = new ArrayList<>();
		filed.refusals().forEach(reason -> out.add(texts.text("files.refused." + reason)));
		filed.replaced().forEach(shows -> out.add(texts.text("files.replaced", shows)));
		if (filed.unsorted() > 0) {
			out.add(texts.text("files.unsorted", filed.unsorted()));
		}
		out.add(filed.stillWaiting().isEmpty() ? texts.text("case.pendingReview", row.reference())
				: texts.text("files.stillWaiting", String.join(", ", filed.stillWaiting())));
		return String.join("\n", out);
	}

	private CaseReply alreadyOpen(CaseRow row) {
		String reply = texts.text("case.alreadyOpen", row.reference()) + "\n\n"
				+ (row.status() == CaseStatus.COLLECTING ? prompt(row, row.data()) : texts.text("case.pendingReview", row.reference()));
		return new CaseReply(row.reference(), row.status(), reply);
	}

	private String prompt(CaseRow row, CaseData data) {
		CollectionPlan plan = plan(row);
		return texts.prompt(plan.next(data), plan, data, row.reference());
	}

	private static String subject(Step.Fields fields) {
		switch (fields.scope()) {
			case "personal":
				return "datos personales";
			case "vehicle":
				return "datos del vehículo";
			case "workshop":
				return "datos del taller";
			default:
				return fields.scopeName();
		}
	}

	private CollectionPlan plan(CaseRow row) {
		return new CollectionPlan(catalog.category(row.category()).orElseThrow(), catalog.caseData());
	}

	private CaseItem item(QuotedItem quoted) {
		String element = quoted.umbrellaCode() != null ? quoted.umbrellaCode() : quoted.code();
		return new CaseItem(quoted.code(), quoted.nameEs(), element, quoted.isVariant() ? quoted.code() : null,
				java.util.Map.of());
	}

	private CaseView view(CaseRow row) {
		CaseData data = row.data();
		java.util.Map<String, java.util.Map<String, String>> items = new java.util.LinkedHashMap<>();
		data.items().forEach(i -> items.put(i.code(), i.fields()));
		return new CaseView(row.id(), row.reference(), row.conversationId(), row.customerId(), row.status(),
				row.category(), row.tierCode(), row.tierPrice(), row.subtotal(), row.catalogVersion(), items,
				data.personal(), data.vehicle(), data.workshopMode(), data.workshop(), cases.files(row.id()),
				cases.events(row.id()), row.openedAt(), row.submittedAt());
	}

}
