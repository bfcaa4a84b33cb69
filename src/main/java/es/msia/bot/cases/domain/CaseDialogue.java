package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import es.msia.bot.cases.InvalidValue;
import es.msia.bot.cases.SpanishBoolean;

/**
 * One customer message applied to a case being collected: labelled corrections first (at any step), then
 * the answer to what was asked, then the next question. Pure: files are already stored and counted by the
 * caller; the result says what to store and what to reply.
 */
public final class CaseDialogue {

	private static final Set<String> DONE_WORDS = Set.of("listo", "ya esta", "ya", "hecho", "ya las he enviado",
			"eso es todo", "no aplica", "no tengo", "no hace falta", "terminado");

	private final CollectionPlan plan;

	private final MessageReader reader;

	public CaseDialogue(CollectionPlan plan) {
		this.plan = plan;
		this.reader = new MessageReader(plan);
	}

	/**
	 * Applies a message.
	 * @param data the case data (changed in place)
	 * @param text what the customer wrote (may be empty when only files came)
	 * @param filesAdded new files stored from this message under the step's slot
	 * @param filesInSlot files now stored under the step's slot
	 */
	public Outcome apply(CaseData before, String text, int filesAdded, int filesInSlot) {
		CaseData data = before;
		Step step = plan.next(data);
		if (text.isBlank() && filesAdded == 0) {
			// Nothing to read (a question was answered instead, or only refused files came): ask again.
			return new Outcome(data, List.of(), false, step);
		}
		List<Line> lines = new ArrayList<>();
		String scope = step instanceof Step.Fields fields ? fields.scope() : "none";
		MessageReader.Labelled labelled = reader.labelled(text, scope);
		for (Assignment assignment : labelled.assignments()) {
			store(data, assignment, lines, true);
		}
		String rest = labelled.rest();
		boolean submit = false;
		if (step instanceof Step.Photos || step instanceof Step.Document) {
			photos(data, step, rest, filesAdded, filesInSlot, lines);
		}
		else if (step instanceof Step.Fields fields) {
			for (Assignment answer : reader.answers(fields.scope(), fields.fields(), rest, labelled.assignments())) {
				store(data, answer, lines, false);
			}
		}
		else if (step instanceof Step.ConfirmKnown) {
			data = confirmKnown(data, rest, labelled);
		}
		else if (step instanceof Step.WorkshopChoice) {
			data = workshop(data, rest, lines);
		}
		else if (step instanceof Step.Summary) {
			submit = summaryAnswer(rest, labelled, lines);
		}
		if (filesAdded > 0 && !(step instanceof Step.Photos || step instanceof Step.Document)) {
			lines.add(Line.of("files.unsorted", filesAdded));
		}
		return new Outcome(data, lines, submit, plan.next(data));
	}

	private void photos(CaseData data, Step step, String rest, int added, int inSlot, List<Line> lines) {
		String slot = step instanceof Step.Photos photos ? photos.slot() : ((Step.Document) step).slot();
		int expected = step instanceof Step.Photos photos ? photos.expected() : ((Step.Document) step).expected();
		boolean optional = step instanceof Step.Document document && document.optional();
		boolean saysDone = isDoneWord(rest) || (optional && saysNo(rest));
		if (inSlot >= expected || (saysDone && (inSlot > 0 || optional))) {
			data.slotsDone().add(slot);
			if (added > 0) {
				lines.add(Line.of("files.received", added));
			}
		}
		else if (added > 0) {
			lines.add(Line.of("files.more", added, expected - inSlot));
		}
		else if (saysDone) {
			lines.add(Line.of("files.none"));
		}
	}

	private static CaseData confirmKnown(CaseData data, String rest, MessageReader.Labelled labelled) {
		Boolean yes = yesNo(rest);
		if (Boolean.TRUE.equals(yes)) {
			return data.withPersonalConfirmed();
		}
		if (Boolean.FALSE.equals(yes) && labelled.assignments().isEmpty()) {
			data.personal().clear();
			return data.withPersonalConfirmed();
		}
		return data;
	}

	private static CaseData workshop(CaseData data, String rest, List<Line> lines) {
		String folded = CollectionPlan.fold(rest);
		if (folded.matches(".*\\b(mi|propio|mio|nuestro|el del|el que)\\b.*") || folded.equals("2")) {
			return data.withWorkshopMode("own");
		}
		if (folded.matches(".*\\b(concertado|vosotros|vuestro|msi|gestionadlo|gestionarlo)\\b.*") || folded.equals("1")) {
			return data.withWorkshopMode("msi");
		}
		if (!rest.isBlank()) {
			lines.add(Line.of("workshop.unclear"));
		}
		return data;
	}

	private boolean summaryAnswer(String rest, MessageReader.Labelled labelled, List<Line> lines) {
		Boolean yes = yesNo(rest);
		if (Boolean.TRUE.equals(yes) && labelled.assignments().isEmpty()) {
			return true;
		}
		if (labelled.assignments().isEmpty()) {
			lines.add(Line.of("summary.whatToFix"));
		}
		return false;
	}

	private void store(CaseData data, Assignment assignment, List<Line> lines, boolean correction) {
		Map<String, String> values = data.values(assignment.scope());
		try {
			String value = FieldRules.normalise(assignment.spec(), assignment.raw(), values);
			String before = values.put(assignment.spec().key(), value);
			if (correction && before != null && !before.equals(value)) {
				lines.add(Line.of("field.corrected", assignment.spec().labelEs(), value));
			}
		}
		catch (InvalidValue invalid) {
			lines.add(Line.of("invalid." + invalid.reason(), assignment.spec().labelEs(), assignment.raw()));
		}
	}

	private static Boolean yesNo(String text) {
		try {
			return text.isBlank() ? null : SpanishBoolean.of(text);
		}
		catch (InvalidValue notYesNo) {
			return null;
		}
	}

	private static boolean saysNo(String text) {
		return Boolean.FALSE.equals(yesNo(text));
	}

	private static boolean isDoneWord(String text) {
		return DONE_WORDS.contains(CollectionPlan.fold(text).replaceAll("[¡!.,]", "").trim());
	}

	/** The result of one message: the data, what to say about it, whether to submit, and the next step. */
	public record Outcome(CaseData data, List<Line> lines, boolean submit, Step next) {
	}

}
