package es.msia.bot.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.cases.domain.CaseItem;
import es.msia.bot.cases.domain.CaseTexts;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.domain.Line;
import es.msia.bot.cases.jdbc.CaseRow;
import es.msia.bot.cases.jdbc.Cases;
import es.msia.bot.catalog.Catalog;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * «¿Cómo va mi expediente?» answered from the case itself, in any status and without a person: the status
 * in plain Spanish, what is still missing (the collection plan's pending photos, fields and documents, or a
 * file staff rejected and why), the files received, the last note staff wrote for the customer, and what
 * comes before the ITV. No date is ever promised: the case holds none. A customer with several cases is
 * asked which one first. Read only: asking changes nothing in the case.
 */
@Service
public class CaseStatusAnswers {

	/** Cases listed when the customer has to choose; older ones are rarely what they ask about. */
	static final int MAX_LISTED = 6;

	/** The timeline event of a note staff wrote for the customer. */
	public static final String CUSTOMER_NOTE = "customer_note";

	private static final Pattern REFERENCE = Pattern.compile("(?i)\\bMSI[\\s-]*(\\d{4})[\\s-]*(\\d{1,6})\\b");

	private static final Pattern POSITION = Pattern.compile("^(?:el |la |opcion |numero |el numero |la opcion |n )?([1-9])$");

	private static final List<String> ORDINALS = List.of("primero", "segundo", "tercero", "cuarto", "quinto", "sexto");

	/** Words of a choice that say nothing about which case. */
	private static final Set<String> FILLER = Set.of("expediente", "expedientes", "del", "de", "el", "la", "lo", "los",
			"las", "que", "con", "por", "para", "sobre", "uno", "una", "mio", "este", "ese", "esta", "esa", "pregunto",
			"digo", "refiero", "quiero", "saber", "tramite", "gracias", "vale");

	private final Cases cases;

	private final Catalog catalog;

	private final CaseTexts texts;

	CaseStatusAnswers(Cases cases, Catalog catalog, CaseTexts texts) {
		this.cases = cases;
		this.catalog = catalog;
		this.texts = texts;
	}

	/**
	 * The answer to a customer asking about their case.
	 *
	 * @param reference the case they chose from a list, or null: then a case being collected in this
	 *     conversation is the one (the chat is in the middle of it), else their only case, else they are asked
	 *     which ({@link Answer#choosing()})
	 */
	@Transactional(readOnly = true)
	public Answer answer(long conversationId, @Nullable Long customerId, @Nullable String reference) {
		return answer(conversationId, customerId, reference, CaseStatusQuestion.Topic.STATUS);
	}

	/**
	 * The same, led by what the customer asked about ({@link CaseStatusQuestion#topic(String)}): the missing
	 * items are listed only when asked for, the ITV is explained only when asked about.
	 */
	@Transactional(readOnly = true)
	public Answer answer(long conversationId, @Nullable Long customerId, @Nullable String reference,
			CaseStatusQuestion.Topic topic) {
		List<CaseRow> candidates = candidates(conversationId, customerId);
		if (reference != null) {
			Optional<CaseRow> chosen = candidates.stream().filter(c -> c.reference().equals(reference)).findFirst();
			if (chosen.isPresent()) {
				return new Answer(describe(chosen.get(), conversationId, topic), false);
			}
		}
		Optional<CaseRow> collectingHere = cases.openOfConversation(conversationId)
			.filter(c -> c.status() == CaseStatus.COLLECTING);
		if (collectingHere.isPresent()) {
			return new Answer(describe(collectingHere.get(), conversationId, topic), false);
		}
		if (candidates.isEmpty()) {
			return new Answer(texts.text("ask.none"), false);
		}
		if (candidates.size() == 1) {
			return new Answer(describe(candidates.get(0), conversationId, topic), false);
		}
		List<String> out = new ArrayList<>();
		out.add(texts.text("ask.which", candidates.size()));
		for (int i = 0; i < candidates.size(); i++) {
			CaseRow row = candidates.get(i);
			out.add(texts.text("ask.whichLine", i + 1, row.reference(), items(row),
					texts.text("ask.status." + row.status().code())));
		}
		return new Answer(String.join("\n", out), true);
	}

	/**
	 * Which of the customer's cases a reply to the «¿por cuál?» question picks: its reference (or the
	 * reference's number), its position in the list («2», «el segundo»), or a word only one of them has
	 * (an element, the plate, the status). Empty when it picks none or more than one.
	 */
	@Transactional(readOnly = true)
	public Optional<String> choose(long conversationId, @Nullable Long customerId, String text) {
		List<CaseRow> candidates = candidates(conversationId, customerId);
		if (candidates.isEmpty() || text == null || text.isBlank()) {
			return Optional.empty();
		}
		Matcher reference = REFERENCE.matcher(text);
		if (reference.find()) {
			int number = Integer.parseInt(reference.group(2));
			return unique(candidates.stream()
				.filter(c -> c.reference().startsWith("MSI-" + reference.group(1) + "-") && numberOf(c) == number)
				.toList());
		}
		String folded = fold(text);
		Matcher position = POSITION.matcher(folded);
		if (position.matches()) {
			int index = Integer.parseInt(position.group(1)) - 1;
			return index < candidates.size() ? Optional.of(candidates.get(index).reference()) : Optional.empty();
		}
		List<String> words = List.of(folded.split(" "));
		for (int i = 0; i < ORDINALS.size() && i < candidates.size(); i++) {
			String ordinal = ORDINALS.get(i);
			String feminine = ordinal.substring(0, ordinal.length() - 1) + "a";
			if (words.contains(ordinal) || words.contains(feminine) || (i == 0 && words.contains("primer"))
					|| (i == 2 && words.contains("tercer"))) {
				return Optional.of(candidates.get(i).reference());
			}
		}
		if (words.contains("ultimo") || words.contains("ultima")) {
			return Optional.of(candidates.get(candidates.size() - 1).reference());
		}
		Matcher digits = Pattern.compile("\\b(\\d{2,6})\\b").matcher(folded);
		if (digits.find()) {
			int number = Integer.parseInt(digits.group(1));
			List<CaseRow> byNumber = candidates.stream().filter(c -> numberOf(c) == number).toList();
			if (!byNumber.isEmpty()) {
				return unique(byNumber);
			}
		}
		List<CaseRow> named = candidates;
		boolean anyWord = false;
		for (String word : words) {
			if (word.length() < 4 || FILLER.contains(word)) {
				continue;
			}
			List<CaseRow> having = named.stream().filter(c -> described(c).contains(" " + stem(word))).toList();
			if (!having.isEmpty()) {
				named = having;
				anyWord = true;
			}
		}
		return anyWord ? unique(named) : Optional.empty();
	}

	/** The customer's cases and this conversation's, newest first, at most {@link #MAX_LISTED}. */
	private List<CaseRow> candidates(long conversationId, @Nullable Long customerId) {
		List<CaseRow> rows = new ArrayList<>(cases.ofCustomer(customerId, List.of(conversationId)));
		Collections.reverse(rows);
		return rows.size() > MAX_LISTED ? List.copyOf(rows.subList(0, MAX_LISTED)) : rows;
	}

	private String describe(CaseRow row, long conversationId, CaseStatusQuestion.Topic topic) {
		CaseStatus status = row.status();
		List<String> out = new ArrayList<>();
		out.add(texts.text("ask.header", row.reference(), items(row), texts.text("ask.status." + status.code())));
		Set<CaseMilestone> milestones = milestones(row);
		boolean readyForItv = status == CaseStatus.IN_PROGRESS && milestones.contains(CaseMilestone.READY_FOR_ITV);
		if (topic != CaseStatusQuestion.Topic.ITV) {
			out.add(explanation(status, milestones));
		}
		List<CaseView.FileView> files = cases.files(row.id());
		long kept = files.stream().filter(f -> !"rejected".equals(f.reviewStatus())).count();
		List<CaseView.FileView> rejected = status.isOpen() ? cases.awaitingReplacement(row.id()) : List.of();
		CollectionPlan plan = status == CaseStatus.COLLECTING ? plan(row) : null;
		if (plan != null && topic != CaseStatusQuestion.Topic.ITV) {
			List<Line> missing = plan.missing(row.data());
			if (topic == CaseStatusQuestion.Topic.STATUS) {
				// The full list is long; «¿qué os falta?» gets it.
				out.add(texts.text("ask.missing.count", missing.size()));
			}
			else {
				out.add(texts.text("ask.missing"));
				missing.forEach(line -> out.add(texts.line(line)));
				if (missing.isEmpty()) {
					out.add(texts.text("missing.summary"));
				}
			}
		}
		else if ((status == CaseStatus.PENDING_REVIEW || status == CaseStatus.IN_PROGRESS) && rejected.isEmpty()
				&& topic == CaseStatusQuestion.Topic.MISSING) {
			out.add(texts.text("ask.missing.nothing"));
		}
		rejected.forEach(f -> out.add(texts.text("ask.rejected", f.shows(),
				f.reviewReason() == null ? "" : f.reviewReason(), "application/pdf".equals(f.mediaType()) ? 1 : 0)));
		if (status.isOpen() && topic != CaseStatusQuestion.Topic.ITV) {
			out.add(texts.text("ask.files", kept));
		}
		lastCustomerNote(row).ifPresent(note -> out.add(texts.text("ask.note", note)));
		// For a closed case the ITV line is what comes next, so it is always said.
		if (topic == CaseStatusQuestion.Topic.ITV || readyForItv || !status.isOpen()) {
			out.add(texts.text(readyForItv ? "ask.itv.ready" : "ask.itv." + status.code()));
		}
		if (plan != null && row.conversationId() == conversationId) {
			// The chat is in the middle of the case: the question it was at is asked again.
			out.add("");
			out.add(texts.text("ask.backToCase"));
			out.add(texts.prompt(plan.next(row.data()), plan, row.data(), row.reference()));
		}
		return String.join("\n", out);
	}

	/** What the status means, told by the furthest step staff marked while the case is in progress. */
	private String explanation(CaseStatus status, Set<CaseMilestone> milestones) {
		if (status == CaseStatus.IN_PROGRESS) {
			for (CaseMilestone milestone : List.of(CaseMilestone.READY_FOR_ITV, CaseMilestone.PROJECT_APPROVED,
					CaseMilestone.PROJECT_SENT, CaseMilestone.DOCUMENTATION_COMPLETE)) {
				if (milestones.contains(milestone)) {
					return texts.text("ask.explain.milestone." + milestone.code());
				}
			}
		}
		return texts.text("ask.explain." + status.code());
	}

	private Set<CaseMilestone> milestones(CaseRow row) {
		Set<CaseMilestone> reached = java.util.EnumSet.noneOf(CaseMilestone.class);
		for (CaseView.EventView event : cases.events(row.id())) {
			for (CaseMilestone milestone : CaseMilestone.values()) {
				if (event.type().equals("milestone_" + milestone.code())) {
					reached.add(milestone);
				}
			}
		}
		return reached;
	}

	private Optional<String> lastCustomerNote(CaseRow row) {
		List<CaseView.EventView> notes = cases.events(row.id()).stream()
			.filter(e -> CUSTOMER_NOTE.equals(e.type()) && e.detail() != null && !e.detail().isBlank())
			.toList();
		return notes.isEmpty() ? Optional.empty() : Optional.of(notes.get(notes.size() - 1).detail().strip());
	}

	private static String items(CaseRow row) {
		return String.join(", ", row.data().items().stream().map(CaseItem::nameEs).toList());
	}

	/** Everything a choice may name about a case, folded, with a space before each word. */
	private String described(CaseRow row) {
		String plate = row.data().vehicle().getOrDefault("matricula", "");
		return " " + fold(items(row) + " " + row.category() + " " + plate + " " + texts.text("ask.status." + row.status().code()))
			+ " ";
	}

	/** «escapes» names «escape», «intermitente» names «intermitentes». */
	private static String stem(String word) {
		return word.length() > 5 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
	}

	private static int numberOf(CaseRow row) {
		String reference = row.reference();
		return Integer.parseInt(reference.substring(reference.lastIndexOf('-') + 1));
	}

	private static Optional<String> unique(List<CaseRow> rows) {
		return rows.size() == 1 ? Optional.of(rows.get(0).reference()) : Optional.empty();
	}

	private CollectionPlan plan(CaseRow row) {
		return new CollectionPlan(catalog.category(row.category()).orElseThrow(), catalog.caseData());
	}

	private static String fold(String text) {
		return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^a-z0-9]+", " ")
			.trim();
	}

	/**
	 * The text for the customer, and whether it asks them to choose among their cases (their next message is
	 * then read as the choice).
	 */
	public record Answer(String text, boolean choosing) {
	}

}
