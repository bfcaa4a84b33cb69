package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import es.msia.bot.cases.CaseStatusQuestion;
import es.msia.bot.cases.InvalidValue;
import es.msia.bot.cases.SpanishBoolean;
import es.msia.bot.catalog.FieldSpec;

/**
 * One customer message applied to a case being collected: the values it holds (labelled corrections at
 * any step, the answers to what was asked by what they look like), then the next question. No step is
 * asked more than twice in a row without progress: the second time it is rephrased one field at a time
 * with an example, the third time a person is offered, and on a yes or a further failure the case is handed
 * to a person (it stays as it is and can be resumed). Pure: files are already stored and counted by the
 * caller; the result says what to store and what to reply.
 */
public final class CaseDialogue {

	private static final Pattern DONE = Pattern.compile("^(?:listo|ya esta|ya|hecho|ya las? he enviado|ya te las? he enviado|"
			+ "eso es todo|terminado|ya estan|esas son|son todas|no tengo mas|no hay mas|ya no hay mas|ya las mande|"
			+ "ya te las mande|fin)$");

	/** Answers that skip an optional document: "no aplica" and what people write instead. */
	private static final Pattern NOT_APPLICABLE = Pattern.compile("\\b(?:no aplica|no me aplica|no es mi caso|no procede|"
			+ "no corresponde|no hace falta|no me hace falta|no lo necesito|no la necesito|no lo tengo|no la tengo|"
			+ "no tengo|no toque|no he tocado|no cambie|no he cambiado|nada de eso|eso no|tampoco|no hay|no tiene|"
			+ "no lleva|no se ha tocado|no se toco|no)\\b");

	/** "Later", not "no": the customer will send it. */
	private static final Pattern LATER = Pattern.compile("\\b(?:luego|despues|mas tarde|manana|ahora no|en un rato|otro dia|"
			+ "esta tarde|esta noche|cuando pueda|cuando llegue)\\b");

	private final CollectionPlan plan;

	private final AnswerReader reader;

	public CaseDialogue(CollectionPlan plan) {
		this.plan = plan;
		this.reader = new AnswerReader(plan);
	}

	/** As {@link #apply(CaseData, String, int, int, Map)} without values read by a language model. */
	public Outcome apply(CaseData before, String text, int filesAdded, int filesInSlot) {
		return apply(before, text, filesAdded, filesInSlot, Map.of());
	}

	/**
	 * Applies a message.
	 * @param before the case data
	 * @param text what the customer wrote (may be empty when only files came)
	 * @param filesAdded new files stored from this message under the step's slot
	 * @param filesInSlot files now stored under the step's slot
	 * @param proposed values a language model read for the fields asked, by field key; they pass the same
	 * rules as typed values and only fill fields the reader left empty
	 */
	public Outcome apply(CaseData before, String text, int filesAdded, int filesInSlot, Map<String, String> proposed) {
		CaseData data = before;
		Step step = plan.next(data);
		Progress progress = data.progress();
		if (CaseStatusQuestion.asks(text)) {
			// «¿cómo va mi expediente?», «¿qué os falta?»: the conversation answers it from the case; here it is
			// neither a value (nor a model's reading of one) nor a miss that counts towards a person. Files stay.
			text = "";
			proposed = Map.of();
		}
		if (text.isBlank() && filesAdded == 0 && proposed.isEmpty()) {
			// Nothing to read (a question was answered instead, or only refused files came): ask again.
			return new Outcome(data, List.of(), false, step, Ask.NORMAL);
		}
		List<Line> lines = new ArrayList<>();
		if (progress.personOffered()) {
			Optional<Boolean> answer = shortYesNo(text);
			// Declining keeps the count: one more failure hands off, as promised by the offer.
			progress = new Progress(progress.asked(), progress.repeats(), progress.oneAtATime(), false, null);
			boolean answersTheStep = answer.isPresent() && answersTheStep(data.withProgress(progress), text, step);
			if (answer.orElse(false) && !answersTheStep) {
				return handOff(data, lines);
			}
			if (answer.isPresent() && !answersTheStep) {
				lines.add(Line.of("repeat.stay"));
				data = data.withProgress(progress);
				return new Outcome(data, lines, false, plan.next(data), Ask.NORMAL);
			}
		}
		int stored = 0;
		if (progress.pending() != null) {
			Optional<Boolean> answer = shortYesNo(text);
			Progress.Clarification pending = progress.pending();
			progress = new Progress(progress.asked(), progress.repeats(), progress.oneAtATime(), false, null);
			if (answer.isPresent()) {
				if (answer.get()) {
					stored += store(data, new Assignment(pending.scope(), spec(pending.scope(), pending.key()), pending.value()),
							lines, false);
				}
				data = data.withProgress(progress);
				return progressed(data, step, lines, stored > 0, filesAdded);
			}
		}
		data = data.withProgress(progress);
		String scope = step instanceof Step.Fields fields ? fields.scope() : "none";
		List<FieldSpec> asked = step instanceof Step.Fields fields ? fields.fields() : List.of();
		AnswerReader.Reading reading = reader.read(text, scope, asked, data);
		for (Assignment assignment : reading.assignments()) {
			boolean answer = asked.stream().anyMatch(f -> f.key().equals(assignment.spec().key())) && assignment.scope().equals(scope);
			stored += store(data, assignment, lines, !answer);
		}
		List<String> unplaced = reading.unplaced();
		if (step instanceof Step.Fields fields && !proposed.isEmpty()) {
			Map<String, String> taken = proposed(data, fields, proposed, reading, lines);
			stored += taken.size();
			// A value the model placed needs no "is this the …?" question.
			unplaced = unplaced.stream().filter(u -> taken.values().stream().noneMatch(v -> sameText(u, v))).toList();
		}
		String rest = reading.rest();
		boolean submit = false;
		boolean moved = false;
		if (step instanceof Step.Photos || step instanceof Step.Document) {
			moved = photos(data, step, rest, filesAdded, filesInSlot, lines);
		}
		else if (step instanceof Step.Fields && !unplaced.isEmpty()) {
			data = clarify(data, unplaced.get(0), lines);
		}
		else if (step instanceof Step.ConfirmKnown) {
			data = confirmKnown(data, rest, reading, lines);
		}
		else if (step instanceof Step.WorkshopChoice) {
			data = workshop(data, rest, lines);
		}
		else if (step instanceof Step.Summary) {
			submit = summaryAnswer(rest, reading, lines);
		}
		if (filesAdded > 0 && !(step instanceof Step.Photos || step instanceof Step.Document)) {
			lines.add(Line.of("files.unsorted", filesAdded));
		}
		if (submit) {
			return new Outcome(data, lines, true, plan.next(data), Ask.NORMAL);
		}
		return progressed(data, step, lines, stored > 0 || moved, filesAdded);
	}

	/** Whether a message holds a value for the step ("no la cambié, solo la trasera"), not just a no to the offer. */
	private boolean answersTheStep(CaseData data, String text, Step step) {
		if (!(step instanceof Step.Fields fields) || CollectionPlan.fold(text).split("\\s+").length <= 2) {
			return false;
		}
		return !reader.read(text, fields.scope(), fields.fields(), data).assignments().isEmpty();
	}

	/** Counts the asks of the same step without progress and decides how to ask next. */
	private Outcome progressed(CaseData data, Step step, List<Line> lines, boolean madeProgress,
			int filesAdded) {
		Step next = plan.next(data);
		Progress progress = data.progress();
		boolean sameStep = Progress.signature(next).equals(Progress.signature(step));
		if (madeProgress || filesAdded > 0 || !sameStep) {
			boolean sameScope = sameStep || scopeOf(next).equals(scopeOf(step));
			progress = new Progress(Progress.signature(next), 0, progress.oneAtATime() && sameScope, false, progress.pending());
			data = data.withProgress(progress);
			return new Outcome(data, lines, false, plan.next(data), Ask.NORMAL);
		}
		int repeats = progress.repeats() + 1;
		if (repeats >= 3) {
			return handOff(data, lines);
		}
		Ask ask = repeats == 1 ? Ask.REPHRASE : Ask.OFFER_PERSON;
		progress = new Progress(Progress.signature(next), repeats, true, ask == Ask.OFFER_PERSON, progress.pending());
		data = data.withProgress(progress);
		return new Outcome(data, lines, false, plan.next(data), ask);
	}

	private Outcome handOff(CaseData data, List<Line> lines) {
		CaseData kept = data.withProgress(new Progress(null, 0, true, false, null));
		return new Outcome(kept, lines, false, plan.next(kept), Ask.HAND_OFF);
	}

	private static String scopeOf(Step step) {
		return step instanceof Step.Fields fields ? fields.scope() : Progress.signature(step);
	}

	/**
	 * A value that could not be placed: one targeted question about the field it most likely is, or, when
	 * no open field can take it, a plain "which field is this?".
	 */
	private CaseData clarify(CaseData data, String value, List<Line> lines) {
		Step next = plan.next(data);
		if (next instanceof Step.Fields fields) {
			boolean hedged = CollectionPlan.fold(value).matches(".*\\b(?:no|ni|ninguno|ninguna|nada|sin|antes|tenia|nueva|nuevo|"
					+ "viejo|vieja)\\b.*|.*[0-9]\\s*(?:w|kw|mm|cm|kg|l|litros|cc)\\b.*");
			for (FieldSpec field : fields.fields()) {
				// A yes or no is never guessed from left-over words, nor is a value the customer qualified.
				if (field.type() != es.msia.bot.catalog.FieldType.BOOLEAN && !hedged
						&& accepts(field, value, data.values(fields.scope()))) {
					lines.add(Line.of("clarify.field", value, field.labelEs()));
					Progress p = data.progress();
					return data.withProgress(new Progress(p.asked(), p.repeats(), p.oneAtATime(), p.personOffered(),
							new Progress.Clarification(value, fields.scope(), field.key())));
				}
			}
		}
		lines.add(Line.of("clarify.unknown", value));
		return data;
	}

	private static boolean accepts(FieldSpec field, String value, Map<String, String> record) {
		try {
			FieldRules.normalise(field, value, record);
			return true;
		}
		catch (InvalidValue invalid) {
			return false;
		}
	}

	/**
	 * Values a language model read for the fields asked, for the fields the text reader did not touch: a
	 * field the reader read (even a value the rules refused) keeps the reader's outcome, so a wrong DNI is
	 * explained once, not twice.
	 *
	 * @return the raw values stored, by field key
	 */
	private Map<String, String> proposed(CaseData data, Step.Fields fields, Map<String, String> proposed,
			AnswerReader.Reading reading, List<Line> lines) {
		Map<String, String> taken = new java.util.LinkedHashMap<>();
		for (FieldSpec field : fields.fields()) {
			String value = proposed.get(field.key());
			boolean read = reading.assignments().stream()
				.anyMatch(a -> a.scope().equals(fields.scope()) && a.spec().key().equals(field.key()));
			if (value != null && !value.isBlank() && !read && !data.values(fields.scope()).containsKey(field.key())
					&& store(data, new Assignment(fields.scope(), field, value), lines, false) > 0) {
				taken.put(field.key(), value);
			}
		}
		return taken;
	}

	/** Whether one text holds the other, ignoring case, accents, spaces and punctuation. */
	private static boolean sameText(String unplaced, String value) {
		String a = CollectionPlan.fold(unplaced).replaceAll("[^\\p{L}\\p{N}@]", "");
		String b = CollectionPlan.fold(value).replaceAll("[^\\p{L}\\p{N}@]", "");
		// Two letters ("si", "no") are inside too many words to say anything.
		return Math.min(a.length(), b.length()) >= 3 ? a.contains(b) || b.contains(a) : a.equals(b);
	}

	private boolean photos(CaseData data, Step step, String rest, int added, int inSlot, List<Line> lines) {
		String slot = step instanceof Step.Photos photos ? photos.slot() : ((Step.Document) step).slot();
		int expected = step instanceof Step.Photos photos ? photos.expected() : ((Step.Document) step).expected();
		boolean optional = step instanceof Step.Document document && document.optional();
		String folded = CollectionPlan.fold(rest).replaceAll("[¡!.,]", " ").replaceAll("\\s+", " ").trim();
		boolean later = LATER.matcher(folded).find();
		boolean saysDone = DONE.matcher(folded).matches() || (optional && !later && NOT_APPLICABLE.matcher(folded).find());
		if (inSlot >= expected || (saysDone && (inSlot > 0 || optional))) {
			data.slotsDone().add(slot);
			if (added > 0) {
				lines.add(Line.of("files.received", added));
			}
			return true;
		}
		if (added > 0) {
			lines.add(Line.of("files.more", added, expected - inSlot));
		}
		else if (later) {
			lines.add(Line.of("files.later"));
			return true;
		}
		else if (saysDone) {
			lines.add(Line.of("files.none"));
		}
		return false;
	}

	/**
	 * Known personal data: a plain yes confirms it and a plain no collects it again; a yes with a change
	 * ("sí, pero ahora vivo en …") or a no with a reason ("no, el correo ya no es ese") confirms nothing and
	 * wipes nothing: the change is applied when labelled, otherwise the customer is asked what changed.
	 */
	private static CaseData confirmKnown(CaseData data, String rest, AnswerReader.Reading reading, List<Line> lines) {
		String folded = CollectionPlan.fold(rest).replaceAll("[¡!¿?.,;:]", " ").replaceAll("\\s+", " ").trim();
		Boolean yes = SpanishBoolean.find(rest).orElse(null);
		boolean but = folded.matches(".*\\b(?:pero|salvo|menos|excepto|aunque|cambia|cambiado|ya no)\\b.*");
		if (Boolean.TRUE.equals(yes) && !but && reading.assignments().isEmpty()) {
			return data.withPersonalConfirmed();
		}
		if (yes == null && folded.isEmpty() && !reading.assignments().isEmpty()) {
			return data.withPersonalConfirmed();
		}
		if (Boolean.FALSE.equals(yes) && folded.split(" ").length <= 2 && reading.assignments().isEmpty()) {
			data.personal().clear();
			return data.withPersonalConfirmed();
		}
		if (reading.assignments().isEmpty()) {
			lines.add(Line.of("summary.whatToFix"));
		}
		return data;
	}

	private static CaseData workshop(CaseData data, String rest, List<Line> lines) {
		String folded = CollectionPlan.fold(rest);
		// "no tengo taller propio, mejor vosotros": each choice counts only where it is not negated.
		boolean own = said(folded, OWN_WORKSHOP);
		boolean msi = said(folded, PARTNER_WORKSHOP);
		if (own != msi) {
			return data.withWorkshopMode(own ? "own" : "msi");
		}
		if (!rest.isBlank()) {
			lines.add(Line.of("workshop.unclear"));
		}
		return data;
	}

	private static final Pattern OWN_WORKSHOP = Pattern.compile("\\b(?:mi taller|taller propio|propio taller|el mio|mio|nuestro taller|"
			+ "nuestro|el del|el que|los del|el taller que|2|segunda|la segunda|lo firma mi|lo firma el|mi propio|propio)\\b");

	private static final Pattern PARTNER_WORKSHOP = Pattern.compile("\\b(?:concertado|vosotros|vuestro|msi|gestionadlo|gestionarlo|1|"
			+ "primera|la primera|os encargais|encargaos|lo gestionais|lo haceis|hacedlo)\\b");

	/** Whether the pattern is said and not negated ("no", "ni", "sin" in the three words before it, or "… no" after). */
	private static boolean said(String folded, Pattern choice) {
		java.util.regex.Matcher m = choice.matcher(folded);
		while (m.find()) {
			String before = folded.substring(Math.max(0, m.start() - 30), m.start());
			// Only the words of the same clause: "no, mi taller no, mejor vosotros".
			before = before.substring(Math.max(before.lastIndexOf(','), Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'))) + 1);
			String[] words = before.trim().split("\\s+");
			String near = String.join(" ", java.util.Arrays.copyOfRange(words, Math.max(0, words.length - 3), words.length));
			String after = folded.substring(m.end()).split("[,.;]")[0];
			if (!near.matches(".*\\b(?:no|ni|sin|tampoco)\\b.*") && !after.matches("^\\s*(?:no\\b|tampoco\\b).*")) {
				return true;
			}
		}
		return false;
	}

	private static boolean summaryAnswer(String rest, AnswerReader.Reading reading, List<Line> lines) {
		Boolean yes = SpanishBoolean.find(rest).orElse(null);
		if (Boolean.TRUE.equals(yes) && reading.assignments().isEmpty()) {
			return true;
		}
		if (reading.assignments().isEmpty()) {
			lines.add(Line.of("summary.whatToFix"));
		}
		return false;
	}

	/** Stores a value if it passes its rules; 1 when stored, 0 when refused (with the reason said). */
	private int store(CaseData data, Assignment assignment, List<Line> lines, boolean correction) {
		Map<String, String> values = data.values(assignment.scope());
		try {
			String value = FieldRules.normalise(assignment.spec(), assignment.raw(), values);
			String before = values.put(assignment.spec().key(), value);
			if (correction && before != null && !before.equals(value)) {
				lines.add(Line.of("field.corrected", assignment.spec().labelEs(), value));
			}
			return before != null && before.equals(value) ? 0 : 1;
		}
		catch (InvalidValue invalid) {
			lines.add(Line.of("invalid." + invalid.reason(), assignment.spec().labelEs(), assignment.raw()));
			return 0;
		}
	}

	private FieldSpec spec(String scope, String key) {
		return plan.fields(scope).stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
	}

	/** A yes or no on its own ("sí", "vale, pásame", "no, sigo contigo"), not a sentence with data. */
	private static Optional<Boolean> shortYesNo(String text) {
		String folded = CollectionPlan.fold(text);
		if (folded.split("\\s+").length > 6) {
			return Optional.empty();
		}
		return SpanishBoolean.find(text);
	}

	/** How the next question is put after this message. */
	public enum Ask {

		/** As usual. */
		NORMAL,

		/** Asked a second time in a row: one field, with an example and what was understood. */
		REPHRASE,

		/** Asked a third time in a row: a person is offered instead of the same question. */
		OFFER_PERSON,

		/** The customer accepted the person, or failed once more after the offer: hand off, keep the case. */
		HAND_OFF

	}

	/** The result of one message: the data, what to say about it, whether to submit, the next step and how to ask it. */
	public record Outcome(CaseData data, List<Line> lines, boolean submit, Step next, Ask ask) {

		public boolean handOff() {
			return ask == Ask.HAND_OFF;
		}

	}

}
