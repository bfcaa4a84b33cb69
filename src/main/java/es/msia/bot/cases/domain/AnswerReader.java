package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.cases.InvalidValue;
import es.msia.bot.cases.SpanishBoolean;
import es.msia.bot.catalog.FieldCondition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;
import es.msia.bot.cases.domain.ValueShapes.Shape;

/**
 * Reads the values of one customer message by what they are, not by where they stand: labelled values
 * ("mi DNI es …", "correo: …", "320 mm de diámetro"), values whose shape names their field (a DNI, an
 * e-mail, a plate, a postcode, a year, a province, a yes or no, an option), and the rest of the pieces of a
 * list in the order the fields were asked. An address keeps its floor and door ("C/ Larios 5, 2º B").
 * What cannot be placed with confidence is returned as unplaced, never filed under a guessed field.
 */
public final class AnswerReader {

	/** Words that separate a value from the next one in prose ("… y mi correo es …"). */
	private static final Pattern CLAUSE = Pattern.compile(
			"\\s(?:y|e|pero)\\s+(?=(?:mi|mis|el|la|los|las|su|sus|tu|con|vivo|soy|somos|estamos|esta|me|tengo|es|son|del|de|en|lo|le|no|si|ahora|antes|llevaba|tenia|tiene|yo)\\b)");

	/** Lines, semicolons and a slash between spaces ("Marca: Arrow / Tipo: colector"). */
	private static final Pattern HARD_SEPARATOR = Pattern.compile("[\\n;]|\\s/\\s");

	/** A comma, but not the decimal comma of a number ("2,35 m"). */
	private static final Pattern COMMA = Pattern.compile(",(?![0-9])|(?<![0-9]),");

	/** A town after a street: "… 1 en Valladolid", "… 5 de Málaga". */
	private static final Pattern TOWN_AFTER_STREET = Pattern.compile("(?<=[0-9][0-9a-zº]{0,3})\\s+(?:en|de)\\s+([a-z][a-z .]+)$");

	/** Shapes found inside longer pieces, in this order (an e-mail before the digits inside it). */
	private static final Map<Shape, Pattern> INSIDE = insideShapes();

	private static Map<Shape, Pattern> insideShapes() {
		Map<Shape, Pattern> map = new java.util.LinkedHashMap<>();
		map.put(Shape.EMAIL, ValueShapes.EMAIL);
		map.put(Shape.NIF, ValueShapes.NIF);
		// Only current plates: an old provincial plate looks like a model ("R 1250 GS") inside a sentence.
		map.put(Shape.PLATE, ValueShapes.CURRENT_PLATE);
		map.put(Shape.PHONE, ValueShapes.PHONE);
		map.put(Shape.POSTCODE, ValueShapes.POSTCODE);
		return map;
	}

	/** Cues that announce a name only when a name follows: "soy Lucía", not "soy autónoma". */
	private static final java.util.Set<String> NAME_CUES = java.util.Set.of("soy", "somos", "a nombre de", "nombre");

	/** What follows "soy" when it is not a name: an article, a possessive, a role. */
	private static final Pattern ROLE = Pattern.compile("^(?:(?:el|la|los|las|un|una|unos|unas|de|del|mi|mis|su|tu|muy|yo)\\b|"
			+ "(?:autonom|particular|profesional|duen|propietari|titular|encargad|mecanic|cliente|empresari|comercial|jubilad))");

	/** Cues that announce a street only when a street follows: "vivo en C/ Larios 5", not "vivo en Málaga". */
	private static final java.util.Set<String> PLACE_CUES = java.util.Set.of("vivo en", "resido en", "estamos en");

	private static final Pattern VIN_LABELLED = Pattern.compile(
			"(?:^|\\b)(?:el )?(?:numero de bastidor|n\\S? de bastidor|bastidor|vin)\\b\\s*(?:es|:|=)?\\s*([a-z0-9]{17})\\b");

	private static final Pattern VIN_BARE = Pattern.compile("\\b(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{17}\\b");

	/** A dash between spaces, as some write an address: "C/ Larios 5, 2º B - Málaga - Málaga". */
	private static final Pattern DASH = Pattern.compile("\\s[-–]\\s");

	private static final Pattern ITV_NAME = Pattern.compile("(?<![\\p{L}])(?:itv|estacion de itv|estacion itv)\\s+\\S");

	/** A lower-case first word before a name or code, not before "de", "la"…: a label word said first. */
	private static final Pattern LABEL_WORD = Pattern.compile("^(\\p{Ll}+)\\s+(?!(?:de|del|la|el|los|las|y|en|con|a)\\b)(?=\\S)");

	/** Units customers write after a number. */
	private static final String UNITS = "mm|cm|m|metros|milimetros|centimetros|l|litros|w|vatios|kw|cv|cc|kg|kilos|pistones|plazas";

	/** Two numbers said as a change: "de 1 a 2", "tenía 4 y ahora 5", "antes 3.500, ahora 3.850 kg". */
	private static final Pattern RANGE = Pattern.compile("(?<![\\p{L}\\p{N}])(?:(?:de|desde|tenia|tiene|antes|pasa de|pasar de|era|eran)\\s+)?"
			+ "([0-9][0-9.]*(?:,[0-9]+)?)\\s*(?:[a-z]+\\s+)?(?:a|hasta|y ahora|ahora|,\\s*ahora|y ahora tiene|y ahora son)\\s+"
			+ "([0-9][0-9.]*(?:,[0-9]+)?(?:\\s*(?:" + UNITS + "))?)(?![\\p{L}\\p{N}])");

	/** A number inside words ("hasta el final hay 150", "separados 200 mm"). */
	private static final Pattern NUMBER_IN_WORDS = Pattern.compile(
			"(?<![\\p{L}\\p{N}./*-])([0-9]+(?:,[0-9]+)?(?:\\s*(?:" + UNITS + "))?)(?![\\p{L}\\p{N}/*-])");

	/** A customer's own label at the start of a line: a few words and a colon. */
	private static final Pattern OWN_LABEL = Pattern.compile("(?:^|[\\n;]|\\s/\\s)\\s*[-•*·]?\\s*([a-z][a-z .]{1,30}?)\\s*:\\s*");

	/** A sentence end: not the dot of an abbreviation ("Av. de …", "C/ …", "nº 5"). */
	private static final Pattern SENTENCE = Pattern.compile(
			"(?<!\\b(?:av|avd|avda|c|cl|pl|pza|n|nº|no|dr|sta|sto|ctra|urb|pol|ind|bda|edif|ed|esc|bl|izq|dcha|s\\.l|sl|s\\.a|sa|hnos))[.!?]+(?=\\s|$)");

	/** A measure with an explicit unit inside a longer piece ("unos Galfer de 320 mm"). */
	private static final Pattern UNIT_MEASURE = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:de|con|mide|miden|a|y|en)\\s+([0-9]+(?:[.,][0-9]+)?\\s*(?:" + UNITS + "))"
					+ "(?![\\p{L}\\p{N}])");

	private static final Pattern CONNECTOR = Pattern.compile(
			"^\\s*(?:[:=\\-]\\s*|,\\s*)?(?:(?:es|son|sera|seria|era|pon|ponle|apunta)\\b\\s*[:,]?\\s*)?");

	private static final Pattern STRONG_CONNECTOR = Pattern.compile("^\\s*(?:[:=]|(?:es|son|sera|seria|era)\\b|en\\b)");

	private static final Pattern LOOK_BACK_NUMBER = Pattern.compile(
			"([0-9]+(?:[.,][0-9]+)?\\s*(?:" + UNITS + ")?)\\s*(?:de |del )?(?:la |el |los |las )?$");

	/** Words that lead to a label and are not a value ("… con DNI …", "… y mi correo …"). */
	private static final Pattern LEAD_IN = Pattern.compile(
			"(?<![\\p{L}\\p{N}])(?:(?:y|e|con|mi|mis|el|la|los|las|su|sus|tu|de|del|en|que|pues|ah|ademas|tambien)\\s+)+$");

	private final CollectionPlan plan;

	private final List<String> provinces;

	public AnswerReader(CollectionPlan plan) {
		this.plan = plan;
		this.provinces = plan.caseData().personal().stream().filter(f -> f.key().endsWith("provincia")).findFirst()
			.map(FieldSpec::options).orElse(List.of());
	}

	/**
	 * Reads a message for a step.
	 * @param scope the scope asked ({@code personal}, {@code vehicle}, {@code workshop}, {@code item:X}) or
	 * {@code none} when no fields are asked (photos, summary): then only labelled values count
	 * @param asked the fields asked, in order (empty when none)
	 * @param data the case so far
	 */
	public Reading read(String text, String scope, List<FieldSpec> asked, CaseData data) {
		// "(la compré hace un mes de segunda mano)": an aside of several words is not an answer.
		Text message = new Text(text.replaceAll("\\(([^()]*\\s){2,}[^()]*\\)", " "));
		List<Found> found = new ArrayList<>();
		vin(message, scope, asked).ifPresent(found::add);
		found.addAll(labelled(message, scope, asked, data));
		ranges(message, scope, asked, found);
		List<Piece> pieces = pieces(message, found, asked);
		List<String> unplaced = new ArrayList<>();
		if (!asked.isEmpty()) {
			place(message, scope, asked, data, found, pieces, unplaced);
		}
		else {
			pieces.forEach(p -> unplaced.add(p.text()));
		}
		List<Assignment> assignments = found.stream().sorted(Comparator.comparingInt(Found::start))
			.map(f -> new Assignment(f.scope(), f.spec(), f.value())).toList();
		// What is left once labelled values are taken, as written: a "vale" or "listo" answers a step too.
		String rest = message.remaining();
		return new Reading(assignments, unplaced, rest, found.stream().anyMatch(Found::labelled));
	}

	// ---- labelled values -------------------------------------------------------------------------

	private List<Found> labelled(Text message, String scope, List<FieldSpec> asked, CaseData data) {
		List<Match> matches = new ArrayList<>();
		if (!scope.equals("none")) {
			cueMatches(message, scope, applicable(scope, data), asked, false, matches);
		}
		java.util.Set<String> ownPhrases = new java.util.HashSet<>();
		matches.forEach(m -> ownPhrases.add(m.phrase()));
		for (String other : List.of("personal", "vehicle")) {
			if (!other.equals(scope)) {
				List<Match> elsewhere = new ArrayList<>();
				List<FieldSpec> fields = plan.fields(other).stream()
					.filter(f -> scope.equals("none") || !generic(f.key())).toList();
				cueMatches(message, other, fields, fields, true, elsewhere);
				elsewhere.stream().filter(m -> !ownPhrases.contains(m.phrase())).forEach(matches::add);
			}
		}
		ownLabels(message, scope, asked, matches);
		if (scope.equals("personal") || scope.equals("vehicle")) {
			// "y el escape es de la marca Akrapovic": a label in a clause about a part is not the vehicle's.
			matches.removeIf(m -> plan.namesAPart(clauseBefore(message, m.start())));
		}
		List<Match> chosen = nonOverlapping(matches);
		List<Found> found = new ArrayList<>();
		for (int i = 0; i < chosen.size(); i++) {
			Match match = chosen.get(i);
			int limit = i + 1 < chosen.size() ? chosen.get(i + 1).start() : message.length();
			value(message, match, limit).ifPresent(found::add);
		}
		return found;
	}

	/** Fields reachable by a label in the scope: those that apply now (a correction may name a filled one). */
	private List<FieldSpec> applicable(String scope, CaseData data) {
		Map<String, String> values = data.values(scope);
		String variant = scope.startsWith("item:") ? data.item(scope).variantCode() : null;
		// A field behind another field's answer can come with that answer ("sí, ahora mide 1150 de altura").
		return plan.fields(scope).stream().filter(f -> CollectionPlan.applies(f, values, variant)
				|| (f.when() != null && !FieldCondition.VARIANT_FIELD.equals(f.when().field()))).toList();
	}

	/** Fields whose words also name an element's part ("marca del escape"): labelled only in their own step. */
	private static boolean generic(String key) {
		return List.of("marca", "modelo", "nombre", "domicilio_provincia", "domicilio_localidad", "telefono",
				"plazas_iniciales", "plazas_finales", "altura_final_mm", "ancho_final_mm", "longitud_final_mm", "anio_matriculacion")
			.contains(key);
	}

	private void cueMatches(Text message, String scope, List<FieldSpec> fields, List<FieldSpec> asked, boolean strongOnly,
			List<Match> out) {
		for (Map.Entry<FieldSpec, List<FieldCues.Cue>> entry : FieldCues.of(scope, fields, asked).entrySet()) {
			for (FieldCues.Cue cue : entry.getValue()) {
				Matcher m = cue.pattern().matcher(message.folded());
				while (m.find()) {
					String after = message.folded().substring(m.end());
					boolean strong = STRONG_CONNECTOR.matcher(after).find();
					if ((cue.strongOnly() || strongOnly) && !strong) {
						continue;
					}
					out.add(new Match(scope, entry.getKey(), cue.phrase(), m.start(), m.end()));
				}
			}
		}
	}

	/**
	 * The customer's own labels ("Homologado: no", "- piezas: cúpula"): a line that starts with a few words
	 * and a colon names the asked field whose label shares the most words with it; a label that names none
	 * is dropped from the value.
	 */
	private void ownLabels(Text message, String scope, List<FieldSpec> asked, List<Match> matches) {
		Matcher m = OWN_LABEL.matcher(message.folded());
		while (m.find()) {
			int start = m.start(1);
			int end = m.end();
			if (matches.stream().anyMatch(c -> c.start() < end && start < c.end())) {
				continue;
			}
			Optional<FieldSpec> named = namedBy(m.group(1), asked);
			if (named.isPresent()) {
				matches.add(new Match(scope, named.get(), m.group(1), start, end));
			}
			else {
				message.consume(start, end);
			}
		}
	}

	/** "la de delante no" at the rear wheel's question: a yes or no said about another field of the scope. */
	private boolean namesAnotherField(String text, FieldSpec field, String scope) {
		List<FieldSpec> others = plan.fields(scope).stream().filter(f -> f.type() == FieldType.BOOLEAN).toList();
		Optional<FieldSpec> named = namedBy(text, others);
		return named.isPresent() && !named.get().equals(field);
	}

	/** The one field whose label shares the most words with these words ("separados" → "Separación …"). */
	private static Optional<FieldSpec> namedBy(String words, List<FieldSpec> fields) {
		List<String> said = stems(words);
		FieldSpec best = null;
		int bestHits = 0;
		boolean tie = false;
		for (FieldSpec field : fields) {
			List<String> label = stems(FieldCues.label(field.labelEs()));
			int hits = (int) said.stream().filter(label::contains).count();
			if (hits > bestHits) {
				best = field;
				bestHits = hits;
				tie = false;
			}
			else if (hits == bestHits && hits > 0) {
				tie = true;
			}
		}
		return tie ? Optional.empty() : Optional.ofNullable(best);
	}

	private static List<String> stems(String text) {
		List<String> out = new ArrayList<>();
		for (String word : ValueShapes.fold(text).split("[^a-z0-9]+")) {
			if (word.length() >= 4) {
				out.add(word.length() > 5 ? word.substring(0, 5) : word);
			}
		}
		return out;
	}

	private static List<Match> nonOverlapping(List<Match> matches) {
		List<Match> sorted = new ArrayList<>(matches);
		sorted.sort(Comparator.comparingInt((Match m) -> -(m.end() - m.start())).thenComparingInt(Match::start));
		List<Match> chosen = new ArrayList<>();
		for (Match match : sorted) {
			boolean overlaps = chosen.stream().anyMatch(c -> match.start() < c.end() && c.start() < match.end());
			boolean sameField = chosen.stream().anyMatch(c -> c.spec().equals(match.spec()) && c.scope().equals(match.scope()));
			if (!overlaps && !sameField) {
				chosen.add(match);
			}
		}
		chosen.sort(Comparator.comparingInt(Match::start));
		return chosen;
	}

	/** The words of the clause before a position: back to the last comma, line or sentence end. */
	private static String clauseBefore(Text message, int position) {
		String before = message.original().substring(0, position);
		int start = Math.max(Math.max(before.lastIndexOf(','), before.lastIndexOf('\n')), Math.max(before.lastIndexOf('.'),
				before.lastIndexOf(';')));
		return before.substring(start + 1);
	}

	/** The value after a label, up to the next label or clause; an address keeps its floor and door. */
	private Optional<Found> value(Text message, Match match, int limit) {
		String folded = message.folded();
		Matcher connector = CONNECTOR.matcher(folded.substring(match.end(), limit));
		int from = match.end() + (connector.find() ? connector.end() : 0);
		int to = clauseEnd(folded, from, limit);
		String raw = message.original().substring(from, to);
		List<String> commaParts = List.of(COMMA.split(raw));
		String first = commaParts.isEmpty() ? "" : commaParts.get(0);
		int end = from + first.length();
		if (Addresses.holds(match.spec())) {
			int offset = first.length();
			for (int i = 1; i < commaParts.size(); i++) {
				String part = commaParts.get(i);
				String before = raw.substring(0, offset);
				if (!Addresses.continues(before, part)) {
					break;
				}
				offset += 1 + part.length();
				end = from + offset;
			}
		}
		String said = ValueWords.strip(message.original().substring(from, end), provinces);
		String value = ValueWords.forField(match.spec(), said);
		int start = match.start();
		Shape wanted = ValueShapes.of(match.spec());
		if (wanted.strong() && INSIDE.containsKey(wanted)) {
			// "mi código postal es el 29005 y pasaré …", "lucia@example.com es mi correo": the value is the shape.
			Matcher after = INSIDE.get(wanted).matcher(message.original().substring(from, to));
			if (after.find()) {
				int shapeEnd = from + after.end();
				message.consume(match.start(), shapeEnd);
				return Optional.of(new Found(match.scope(), match.spec(), after.group(), match.start(), shapeEnd, true));
			}
			int clauseStart = Math.max(0, Math.max(folded.lastIndexOf(',', match.start()), folded.lastIndexOf('\n', match.start())));
			Matcher before = INSIDE.get(wanted).matcher(message.original().substring(clauseStart, match.start()));
			String shape = null;
			int shapeStart = -1;
			while (before.find()) {
				shape = before.group();
				shapeStart = clauseStart + before.start();
			}
			if (shape != null && !message.consumed(shapeStart)) {
				message.consume(shapeStart, match.end());
				return Optional.of(new Found(match.scope(), match.spec(), shape, shapeStart, match.end(), true));
			}
			if (!value.isEmpty() && !ValueShapes.of(value, provinces).strong()
					&& !value.replaceAll("[^0-9]", "").matches("[0-9]{4,}")) {
				// "correo: mi de siempre": the label, but no value of that shape; left to the other readings.
				return Optional.empty();
			}
		}
		if (NAME_CUES.contains(match.phrase()) && ROLE.matcher(ValueShapes.fold(said)).find()) {
			// "soy autónoma", "soy el dueño", "a nombre de mi padre": a role, not a name.
			message.consume(match.start(), end);
			return Optional.empty();
		}
		if (PLACE_CUES.contains(match.phrase()) && !Addresses.looksLikeStreet(value)) {
			// "vivo en Málaga" gives the town, not the street.
			return Optional.empty();
		}
		if (ValueWords.isUnknown(value)) {
			// "el modelo no lo sé": the field is named, its value is not given.
			message.consume(match.start(), end);
			return Optional.empty();
		}
		if (match.spec().type() == FieldType.NUMBER && !value.matches(".*[0-9].*")) {
			// "la altura cambia" names the field without a number: not its value.
			value = "";
		}
		if (value.isEmpty() && match.spec().type() == FieldType.NUMBER) {
			// "320 mm de diámetro": the number before the label.
			Matcher back = LOOK_BACK_NUMBER.matcher(folded.substring(0, match.start()));
			if (back.find() && !message.consumed(back.start(1))) {
				value = message.original().substring(back.start(1), back.end(1)).trim();
				start = back.start(1);
			}
		}
		if (value.isEmpty()) {
			return Optional.empty();
		}
		Matcher before = LEAD_IN.matcher(folded.substring(0, start));
		if (before.find()) {
			start = before.start();
		}
		message.consume(start, end);
		return Optional.of(new Found(match.scope(), match.spec(), value, start, end, true));
	}

	private static int clauseEnd(String folded, int from, int limit) {
		int end = limit;
		for (Pattern boundary : List.of(CLAUSE, SENTENCE, HARD_SEPARATOR)) {
			Matcher m = boundary.matcher(folded);
			m.region(from, limit);
			if (m.find()) {
				end = Math.min(end, m.start());
			}
		}
		return end;
	}

	/**
	 * The optional VIN, taken only when clearly given: after its label, even without a verb ("bastidor
	 * VF1…"), or, while the vehicle is asked, as a bare 17-character code with letters and digits.
	 */
	private Optional<Found> vin(Text message, String scope, List<FieldSpec> asked) {
		Optional<FieldSpec> spec = plan.fields("vehicle").stream().filter(f -> f.key().equals("bastidor")).findFirst();
		if (spec.isEmpty()) {
			return Optional.empty();
		}
		Matcher m = VIN_LABELLED.matcher(message.folded());
		int group = 1;
		if (!m.find()) {
			m = VIN_BARE.matcher(message.original());
			group = 0;
			if (!scope.equals("vehicle") || !m.find()) {
				return Optional.empty();
			}
		}
		message.consume(m.start(), m.end());
		return Optional.of(new Found("vehicle", spec.get(), message.original().substring(m.start(group), m.end(group)),
				m.start(), m.end(), group == 1));
	}

	// ---- the unlabelled pieces ---------------------------------------------------------------------

	/** The text left once labelled values are taken, cut into pieces at commas, lines and clauses. */
	private List<Piece> pieces(Text message, List<Found> found, List<FieldSpec> asked) {
		List<Piece> pieces = new ArrayList<>();
		String folded = message.folded();
		// An option that holds "y" ("Las del conductor y las del pasajero") is one answer, not two.
		List<int[]> options = new ArrayList<>();
		for (FieldSpec field : asked) {
			for (String option : field.options()) {
				String wanted = ValueShapes.fold(option);
				for (int at = folded.indexOf(wanted); at >= 0 && wanted.contains(" "); at = folded.indexOf(wanted, at + 1)) {
					options.add(new int[] { at, at + wanted.length() });
				}
			}
		}
		int i = 0;
		while (i < message.length()) {
			if (message.consumed(i)) {
				i++;
				continue;
			}
			int start = i;
			while (i < message.length() && !message.consumed(i)) {
				i++;
			}
			cut(message, folded, start, i, pieces, options);
		}
		List<Piece> merged = new ArrayList<>();
		for (Piece piece : pieces) {
			Piece previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (previous != null && adjacent(message, previous.end(), piece.start()) && Addresses.continues(previous.text(), piece.text())) {
				merged.set(merged.size() - 1, new Piece(previous.start(), piece.end(),
						message.original().substring(previous.start(), piece.end()).trim()));
				continue;
			}
			Optional<Found> address = found.stream()
				.filter(f -> Addresses.holds(f.spec()) && adjacent(message, f.end(), piece.start()) && Addresses.continues(f.value(), piece.text()))
				.findFirst();
			if (address.isPresent()) {
				Found a = address.get();
				found.set(found.indexOf(a), new Found(a.scope(), a.spec(),
						message.original().substring(a.valueStart(message), piece.end()).trim(), a.start(), piece.end(), a.labelled()));
				continue;
			}
			merged.add(piece);
		}
		return merged;
	}

	private void cut(Text message, String folded, int from, int to, List<Piece> out, List<int[]> options) {
		List<Integer> cuts = new ArrayList<>();
		for (Pattern boundary : List.of(CLAUSE, SENTENCE, HARD_SEPARATOR, COMMA)) {
			Matcher m = boundary.matcher(folded);
			m.region(from, to);
			while (m.find()) {
				int at = m.start();
				// "Talleres Martín y Del Valle S.L.": an "y" before a capital joins a name, it does not end a clause.
				boolean inName = boundary == CLAUSE && m.end() < message.length()
						&& Character.isUpperCase(message.original().charAt(m.end()));
				if (!inName && options.stream().noneMatch(o -> o[0] < at && at < o[1])) {
					cuts.add(m.start());
					cuts.add(-m.end());
				}
			}
		}
		List<int[]> spans = new ArrayList<>();
		java.util.TreeMap<Integer, Integer> boundaries = new java.util.TreeMap<>();
		for (int k = 0; k < cuts.size(); k += 2) {
			boundaries.merge(cuts.get(k), -cuts.get(k + 1), Math::max);
		}
		int position = from;
		for (Map.Entry<Integer, Integer> b : boundaries.entrySet()) {
			if (b.getKey() >= position) {
				spans.add(new int[] { position, b.getKey() });
			}
			position = Math.max(position, b.getValue());
		}
		spans.add(new int[] { position, to });
		for (int[] span : spans) {
			String text = message.original().substring(span[0], span[1]);
			boolean question = text.contains("¿") || text.contains("?")
					|| (span[1] < message.length() && message.original().charAt(span[1]) == '?');
			if (question) {
				// "¿tiene que estar homologado?": a question the customer asks is not an answer.
				continue;
			}
			String stripped = ValueWords.strip(text, provinces);
			if (ValueWords.carriesNothing(text, stripped)) {
				continue;
			}
			int offset = text.indexOf(stripped);
			int start = span[0] + Math.max(0, offset);
			out.add(new Piece(start, start + stripped.length(), stripped));
		}
	}

	private static boolean adjacent(Text message, int end, int start) {
		return end <= start && message.original().substring(end, start).matches("[\\s,]*");
	}

	// ---- placing the pieces ------------------------------------------------------------------------

	private void place(Text message, String scope, List<FieldSpec> asked, CaseData data, List<Found> found, List<Piece> pieces,
			List<String> unplaced) {
		Map<String, String> values = data.values(scope);
		List<FieldSpec> open = new ArrayList<>(asked);
		String variant = scope.startsWith("item:") ? data.item(scope).variantCode() : null;
		plan.fields(scope).stream()
			.filter(f -> !open.contains(f) && !values.containsKey(f.key()) && CollectionPlan.applies(f, values, variant))
			.forEach(open::add);
		open.removeIf(f -> found.stream().anyMatch(a -> a.scope().equals(scope) && a.spec().key().equals(f.key())));
		List<Piece> left = new ArrayList<>(itvNames(strongShapesInside(townsAfterStreets(aboutTheCase(scope, pieces), asked), open),
				open));
		left.removeIf(p -> negatesAnOption(p.text(), asked));
		int total = left.size();
		List<Piece> all = new ArrayList<>(left);
		// 1. Shapes that belong to one field: a DNI, an e-mail, a plate, a postcode, a phone.
		for (Piece piece : new ArrayList<>(left)) {
			Shape shape = ValueShapes.of(piece.text(), provinces);
			if (shape.strong() || shape == Shape.ITV || (shape == Shape.YEAR && hasShape(open, Shape.YEAR))) {
				Optional<FieldSpec> field = open.stream().filter(f -> ValueShapes.of(f) == shape).findFirst();
				if (field.isPresent()) {
					take(scope, field.get(), piece, found, open, left);
				}
				else if (shape.strong()) {
					left.remove(piece);
					unplaced.add(piece.text());
				}
			}
		}
		List<FieldSpec> remainingAsked = open.stream().filter(asked::contains).toList();
		// 2. A list answered in the order asked.
		if (left.size() == remainingAsked.size() && left.size() > 1
				&& allFit(remainingAsked, left)) {
			for (int i = 0; i < left.size(); i++) {
				found.add(new Found(scope, remainingAsked.get(i), valueFor(scope, remainingAsked.get(i), left.get(i).text()),
						left.get(i).start(), left.get(i).end(), false));
			}
			return;
		}
		// 3. Numbers said with words around them ("separados 200 mm", "a 65 cm del suelo"), then pieces that only
		// one typed field (option, yes/no, number, province) can take.
		if (total > 1) {
			splitOutNumbers(scope, asked, open, found, left, all);
			numbersByTheirWords(scope, asked, open, found, left);
		}
		typed(scope, asked, open, found, left);
		left.removeIf(p -> echoesQuestion(p.text(), found));
		if (total == 1 && left.size() == 1 && found.isEmpty()) {
			// One value on its own answers the first field asked that can take it: the customer answering one at a time.
			Piece lone = left.get(0);
			Optional<FieldSpec> first = open.stream().filter(asked::contains).findFirst()
				.filter(f -> plain(f) ? !ValueShapes.of(lone.text(), provinces).strong() && !yesNo(lone.text()) : fits(f, lone.text()))
				.filter(f -> f.type() != FieldType.BOOLEAN || !namesAnotherField(lone.text(), f, scope));
			if (first.isPresent()) {
				take(scope, first.get(), lone, found, open, left);
				return;
			}
		}
		splitOutNumbers(scope, asked, open, found, left, all);
		typed(scope, asked, open, found, left);
		// 4. Plain words for the plain fields asked; a piece that a typed field asked could take is not plain.
		List<FieldSpec> plainAsked = open.stream().filter(f -> plain(f) && asked.contains(f)).toList();
		List<FieldSpec> typedAsked = open.stream().filter(f -> !plain(f) && asked.contains(f)).toList();
		List<Piece> plainPieces = left.stream()
			.filter(p -> !yesNo(p.text()) || plainAsked.isEmpty())
			.filter(p -> typedAsked.stream().noneMatch(f -> fits(f, p.text())))
			.toList();
		if (!plainPieces.isEmpty() && plainPieces.size() == plainAsked.size()) {
			for (int i = 0; i < plainPieces.size(); i++) {
				take(scope, plainAsked.get(i), plainPieces.get(i), found, open, left);
			}
		}
		else if (asked.size() == 1 && plainAsked.size() == 1 && !plainPieces.isEmpty() && contiguous(message, plainPieces, all)) {
			int from = plainPieces.get(0).start();
			int to = plainPieces.get(plainPieces.size() - 1).end();
			Piece joined = new Piece(from, to, message.original().substring(from, to).trim());
			found.add(new Found(scope, plainAsked.get(0), joined.text(), joined.start(), joined.end(), false));
			left.removeAll(plainPieces);
		}
		else if (!plainPieces.isEmpty() && plainAsked.isEmpty()) {
			// Words after a labelled free text belong to it ("mando de freno: Gilles, aluminio").
			appendToLabelledText(found, left);
		}
		for (Piece piece : new ArrayList<>(left)) {
			// "el ancho no, pero la altura sí": a yes or no that names another open question answers it.
			if (yesNo(piece.text())) {
				List<FieldSpec> booleans = open.stream().filter(f -> f.type() == FieldType.BOOLEAN && !asked.contains(f)).toList();
				Optional<FieldSpec> named = namedBy(piece.text(), booleans);
				if (named.isPresent() && fits(named.get(), piece.text())) {
					take(scope, named.get(), piece, found, open, left);
				}
			}
		}
		for (Piece piece : left) {
			boolean aboutAnotherField = yesNo(piece.text())
					&& namedBy(piece.text(), plan.fields(scope).stream().filter(f -> !asked.contains(f)).toList()).isPresent();
			if (!(yesNo(piece.text()) && duplicatesAnswer(piece.text(), found)) && !repeatsStored(piece.text(), values)
					&& !echoesQuestion(piece.text(), found) && !aboutAnotherField) {
				unplaced.add(piece.text());
			}
		}
	}

	/** Pieces with nothing between them but separators (no labelled value, no other piece). */
	private static boolean contiguous(Text message, List<Piece> pieces, List<Piece> all) {
		int first = all.indexOf(pieces.get(0));
		for (int i = 1; i < pieces.size(); i++) {
			if (all.indexOf(pieces.get(i)) != first + i) {
				return false;
			}
			int from = pieces.get(i - 1).end();
			int to = pieces.get(i).start();
			if (from > to) {
				return false;
			}
			for (int k = from; k < to; k++) {
				if (message.consumed(k)) {
					return false;
				}
			}
		}
		return true;
	}

	private void appendToLabelledText(List<Found> found, List<Piece> left) {
		for (Piece piece : new ArrayList<>(left)) {
			Optional<Found> before = found.stream()
				.filter(f -> f.labelled() && plain(f.spec()) && f.end() <= piece.start())
				.max(Comparator.comparingInt(Found::end));
			if (before.isPresent() && piece.start() - before.get().end() <= 3) {
				Found f = before.get();
				found.set(found.indexOf(f), new Found(f.scope(), f.spec(), f.value() + ", " + piece.text(), f.start(),
						piece.end(), true));
				left.remove(piece);
			}
		}
	}

	/**
	 * At the personal and vehicle steps a piece that names a part of the catalogue ("y el escape es
	 * de la marca Akrapovic") is about the modification, not an answer here: it is left out, not asked about.
	 */
	private List<Piece> aboutTheCase(String scope, List<Piece> pieces) {
		if (!scope.equals("personal") && !scope.equals("vehicle")) {
			// A workshop's activity may well name parts ("instalación de placas solares").
			return pieces;
		}
		return pieces.stream().filter(p -> !plan.namesAPart(p.text())).toList();
	}

	/**
	 * "Plaza Mayor 1 en Valladolid", "calle Larios 5 de Málaga", "C/ Larios 5, 2º B - Málaga - Málaga": the
	 * town said after the street is cut out as a piece of its own while an address is asked.
	 */
	private List<Piece> townsAfterStreets(List<Piece> pieces, List<FieldSpec> asked) {
		if (asked.stream().noneMatch(Addresses::holds)) {
			return pieces;
		}
		List<Piece> out = new ArrayList<>();
		for (Piece piece : pieces) {
			List<Piece> parts = new ArrayList<>();
			Matcher dash = DASH.matcher(piece.text());
			int from = 0;
			while (dash.find()) {
				addPiece(piece, from, dash.start(), parts);
				from = dash.end();
			}
			addPiece(piece, from, piece.text().length(), parts);
			for (Piece part : parts) {
				Matcher town = TOWN_AFTER_STREET.matcher(ValueShapes.foldSameLength(part.text()));
				if (Addresses.looksLikeStreet(part.text()) && town.find()
						&& ValueShapes.province(ValueShapes.fold(town.group(1)), provinces).isPresent()) {
					addPiece(part, 0, town.start(), out);
					addPiece(part, town.start(1), part.text().length(), out);
				}
				else {
					out.add(part);
				}
			}
		}
		return out;
	}

	/** "el trasero no", "no son semimanillares": an option ruled out is not an answer, nor a question to ask. */
	private boolean negatesAnOption(String text, List<FieldSpec> asked) {
		String folded = ValueShapes.fold(text);
		if (!folded.matches(".*\\b(?:no|ni|ninguno|ninguna|tampoco)\\b.*")) {
			return false;
		}
		String rest = folded.replaceAll("\\b(?:no|ni|ninguno|ninguna|tampoco|son|es|el|la|los|las|de)\\b", " ").trim();
		return !rest.isEmpty() && asked.stream().anyMatch(f -> f.type() == FieldType.SELECT && fits(f, rest));
	}

	/**
	 * A DNI, an e-mail, a plate, a phone or a postcode inside a longer piece ("Luis Gómez 12345678Z
	 * luis@gmail.com", "29005 Málaga") is cut out as a piece of its own when its field is open.
	 */
	private List<Piece> strongShapesInside(List<Piece> pieces, List<FieldSpec> open) {
		List<Piece> out = new ArrayList<>(pieces);
		for (Map.Entry<Shape, Pattern> shape : INSIDE.entrySet()) {
			if (open.stream().noneMatch(f -> ValueShapes.of(f) == shape.getKey())) {
				continue;
			}
			List<Piece> next = new ArrayList<>();
			for (Piece piece : out) {
				Matcher m = shape.getValue().matcher(piece.text());
				if (ValueShapes.of(piece.text(), provinces) == shape.getKey() || !m.find()) {
					next.add(piece);
					continue;
				}
				int from = 0;
				do {
					addPiece(piece, from, m.start(), next);
					next.add(new Piece(piece.start() + m.start(), piece.start() + m.end(), m.group()));
					from = m.end();
				}
				while (m.find());
				addPiece(piece, from, piece.text().length(), next);
			}
			out = next;
		}
		return out;
	}

	private void addPiece(Piece piece, int from, int to, List<Piece> out) {
		String text = piece.text().substring(from, to);
		String stripped = ValueWords.strip(text, provinces);
		if (!ValueWords.carriesNothing(text, stripped)) {
			int at = text.indexOf(stripped);
			int start = piece.start() + from + Math.max(0, at);
			out.add(new Piece(start, start + stripped.length(), stripped));
		}
	}

	/** "La pasaré en la ITV Sevilla Norte": the station's name from "ITV" on, when the station is asked. */
	private List<Piece> itvNames(List<Piece> pieces, List<FieldSpec> open) {
		if (open.stream().noneMatch(f -> ValueShapes.of(f) == Shape.ITV)) {
			return pieces;
		}
		List<Piece> out = new ArrayList<>();
		for (Piece piece : pieces) {
			Matcher m = ITV_NAME.matcher(ValueShapes.foldSameLength(piece.text()));
			int last = -1;
			while (m.find()) {
				last = m.start();
			}
			if (last > 0) {
				out.add(new Piece(piece.start() + last, piece.end(), piece.text().substring(last)));
			}
			else {
				out.add(piece);
			}
		}
		return out;
	}

	private void typed(String scope, List<FieldSpec> asked, List<FieldSpec> open, List<Found> found, List<Piece> left) {
		// "no no, sí que cambia", "antes no, ahora sí": of several answers to one question, the last one counts.
		List<FieldSpec> booleansAsked = open.stream().filter(f -> f.type() == FieldType.BOOLEAN && asked.contains(f)).toList();
		if (booleansAsked.size() == 1) {
			List<Piece> answers = left.stream().filter(p -> yesNo(p.text()) && !namesAnotherField(p.text(), booleansAsked.get(0), scope))
				.toList();
			if (answers.size() > 1) {
				Piece last = answers.get(answers.size() - 1);
				left.removeAll(answers.subList(0, answers.size() - 1));
				take(scope, booleansAsked.get(0), last, found, open, left);
			}
		}
		// "el ancho no, pero la altura sí": the yes or no said next to the field's own words answers it.
		for (FieldSpec field : List.copyOf(open)) {
			if (field.type() != FieldType.BOOLEAN || !asked.contains(field)) {
				continue;
			}
			List<Piece> named = left.stream().filter(p -> fits(field, p.text()) && namedBy(p.text(), List.of(field)).isPresent())
				.toList();
			if (named.size() == 1) {
				take(scope, field, named.get(0), found, open, left);
			}
		}
		boolean changed = true;
		while (changed) {
			changed = false;
			for (Piece piece : new ArrayList<>(left)) {
				List<FieldSpec> typed = open.stream().filter(f -> asked.contains(f) && !plain(f) && fits(f, piece.text()))
					.filter(f -> f.type() != FieldType.BOOLEAN || !namesAnotherField(piece.text(), f, scope))
					.toList();
				if (typed.size() == 1) {
					take(scope, typed.get(0), piece, found, open, left);
					changed = true;
				}
				else if (typed.isEmpty() && yesNo(piece.text()) && duplicatesAnswer(piece.text(), found)) {
					left.remove(piece);
				}
			}
		}
	}

	/**
	 * The value for a field: without the customer's articles before a name, and for an element's free text
	 * without the label's own words said first in lower case ("muelle hyperpro" for the spring's make,
	 * "homologación e1 00-1234" for the approval number).
	 */
	private static String valueFor(String scope, FieldSpec field, String text) {
		String value = ValueWords.forField(field, text);
		if (!scope.startsWith("item:") || !plain(field)) {
			return value;
		}
		List<String> label = stems(FieldCues.label(field.labelEs()));
		// Only before a name or code: "puerta de la vivienda" is a description that starts with a label word.
		Matcher first = LABEL_WORD.matcher(value);
		while (first.find() && label.containsAll(stems(first.group(1))) && !stems(first.group(1)).isEmpty()) {
			value = value.substring(first.end());
			first = LABEL_WORD.matcher(value);
		}
		return value;
	}

	/** Numbers inside sentences, split out as pieces of their own when a number or the year is asked. */
	private void splitOutNumbers(String scope, List<FieldSpec> asked, List<FieldSpec> open, List<Found> found, List<Piece> left,
			List<Piece> all) {
		boolean yearAsked = open.stream().anyMatch(f -> asked.contains(f) && ValueShapes.of(f) == Shape.YEAR);
		if (!yearAsked && open.stream().noneMatch(f -> asked.contains(f) && f.type() == FieldType.NUMBER)) {
			return;
		}
		List<Piece> split = new ArrayList<>();
		for (Piece piece : splitNumbers(left, yearAsked)) {
			String stripped = ValueWords.strip(piece.text(), provinces);
			if (!ValueWords.carriesNothing(piece.text(), stripped)) {
				int at = piece.text().indexOf(stripped);
				int start = piece.start() + Math.max(0, at);
				split.add(new Piece(start, start + stripped.length(), stripped));
			}
		}
		if (split.equals(left)) {
			return;
		}
		all.removeAll(left);
		left.clear();
		left.addAll(split);
		all.addAll(split);
		all.sort(Comparator.comparingInt(Piece::start));
		for (Piece piece : new ArrayList<>(left)) {
			if (yearAsked && ValueShapes.of(piece.text(), provinces) == Shape.YEAR) {
				open.stream().filter(f -> ValueShapes.of(f) == Shape.YEAR).findFirst()
					.ifPresent(f -> take(scope, f, piece, found, open, left));
			}
		}
	}

	/**
	 * A number whose words name one of the number fields asked: "separados 200 mm" is the separation,
	 * "hasta el final de la moto hay 150" the distance to the end, by the words they share with the labels.
	 */
	private void numbersByTheirWords(String scope, List<FieldSpec> asked, List<FieldSpec> open, List<Found> found,
			List<Piece> left) {
		List<FieldSpec> numbers = open.stream().filter(f -> asked.contains(f) && f.type() == FieldType.NUMBER).toList();
		if (numbers.isEmpty()) {
			return;
		}
		for (Piece piece : new ArrayList<>(left)) {
			Matcher number = NUMBER_IN_WORDS.matcher(ValueShapes.fold(piece.text()));
			if (!number.find() || ValueShapes.MEASURE.matcher(ValueShapes.fold(piece.text())).matches()) {
				continue;
			}
			String value = number.group(1);
			if (number.find() || ValueWords.perUnit(piece.text())) {
				continue;
			}
			Optional<FieldSpec> named = namedBy(piece.text(), numbers.stream().filter(open::contains).toList());
			if (named.isPresent() && fits(named.get(), value)) {
				found.add(new Found(scope, named.get(), value, piece.start(), piece.end(), false));
				open.remove(named.get());
				left.remove(piece);
			}
		}
	}

	/**
	 * Splits a measure introduced by a preposition ("… de 320 mm") out of a longer piece, and a year
	 * ("se matriculó en 2017") when the year is asked.
	 */
	private static List<Piece> splitNumbers(List<Piece> pieces, boolean yearAsked) {
		List<Piece> out = new ArrayList<>();
		for (Piece piece : pieces) {
			String folded = ValueShapes.foldSameLength(piece.text());
			Matcher m = UNIT_MEASURE.matcher(folded);
			if (ValueWords.perUnit(piece.text()) || folded.replaceAll("[^0-9]+", " ").trim().split(" ").length > 1) {
				// "2 placas de 100 W", "de 320 a 300 mm": which number is the answer is not clear.
				out.add(piece);
				continue;
			}
			Matcher year = ValueShapes.YEAR.matcher(folded);
			int group = 1;
			if (ValueShapes.MEASURE.matcher(folded).matches() || !m.find()) {
				if (!yearAsked || !year.find() || ValueShapes.YEAR.matcher(folded).matches()) {
					out.add(piece);
					continue;
				}
				m = year;
				group = 0;
			}
			String before = piece.text().substring(0, m.start()).trim();
			String after = piece.text().substring(m.end()).trim();
			if (!before.isEmpty()) {
				out.add(new Piece(piece.start(), piece.start() + m.start(), before));
			}
			out.add(new Piece(piece.start() + m.start(group), piece.start() + m.end(group),
					piece.text().substring(m.start(group), m.end(group))));
			if (!after.isEmpty() && !after.matches("(?i)(?:de )?(?:diametro|grosor|largo|ancho|alto)\\b.*")) {
				out.add(new Piece(piece.start() + m.end(), piece.end(), after));
			}
		}
		return out;
	}

	/**
	 * "De 1 a 2", "tenía 4 y ahora 5", "de 3.500 a 3.850 kg": two numbers for two number fields asked one
	 * after the other (before and after), in that order.
	 */
	private void ranges(Text message, String scope, List<FieldSpec> asked, List<Found> found) {
		List<FieldSpec> numbers = asked.stream().filter(f -> f.type() == FieldType.NUMBER)
			.filter(f -> found.stream().noneMatch(a -> a.spec().equals(f))).toList();
		if (numbers.size() < 2) {
			return;
		}
		Matcher m = RANGE.matcher(message.folded());
		while (m.find()) {
			if (message.consumed(m.start()) || !fits(numbers.get(0), m.group(1)) || !fits(numbers.get(1), m.group(2))) {
				continue;
			}
			found.add(new Found(scope, numbers.get(0), m.group(1), m.start(1), m.end(1), false));
			found.add(new Found(scope, numbers.get(1), m.group(2), m.start(2), m.end(2), false));
			message.consume(m.start(), m.end());
			return;
		}
	}

	private static void take(String scope, FieldSpec field, Piece piece, List<Found> found, List<FieldSpec> open,
			List<Piece> left) {
		found.add(new Found(scope, field, valueFor(scope, field, piece.text()), piece.start(), piece.end(), false));
		open.remove(field);
		left.remove(piece);
	}

	private boolean allFit(List<FieldSpec> fields, List<Piece> pieces) {
		for (int i = 0; i < fields.size(); i++) {
			FieldSpec field = fields.get(i);
			String text = pieces.get(i).text();
			Shape shape = ValueShapes.of(text, provinces);
			if (plain(field) ? shape.strong() : !fits(field, text) && !shapeFits(field, shape)) {
				return false;
			}
		}
		return true;
	}

	/** A value of the right shape but wrong (a wrong DNI letter): still for this field, to say why. */
	private static boolean shapeFits(FieldSpec field, Shape shape) {
		return shape.strong() && ValueShapes.of(field) == shape;
	}

	private boolean fits(FieldSpec field, String text) {
		Shape wanted = ValueShapes.of(field);
		if (wanted == Shape.ITV) {
			return ValueShapes.of(text, provinces) == Shape.ITV;
		}
		if (wanted == Shape.PROVINCE && ValueShapes.of(text, provinces) != Shape.PROVINCE && text.split("\\s+").length > 2) {
			return false;
		}
		try {
			FieldRules.normalise(field, text, Map.of());
			return !(field.type() == FieldType.SELECT && ValueShapes.of(field) != Shape.PROVINCE && text.length() > 60);
		}
		catch (InvalidValue invalid) {
			return false;
		}
	}

	private static boolean hasShape(List<FieldSpec> fields, Shape shape) {
		return fields.stream().anyMatch(f -> ValueShapes.of(f) == shape);
	}

	/** Free text without a shape of its own: a name, a brand, a description, a town. */
	static boolean plain(FieldSpec field) {
		return field.type() == FieldType.TEXT && ValueShapes.of(field) == Shape.TEXT && field.pattern() == null;
	}

	private static boolean yesNo(String text) {
		String folded = ValueShapes.fold(text);
		return folded.split(" ").length <= 3 && SpanishBoolean.find(text).isPresent();
	}

	private static boolean duplicatesAnswer(String text, List<Found> found) {
		Optional<Boolean> said = SpanishBoolean.find(text);
		return said.isPresent() && found.stream().anyMatch(f -> f.spec().type() == FieldType.BOOLEAN
				&& SpanishBoolean.find(f.value()).equals(said));
	}

	/** "Sí, está homologado": words of a question just answered, said again. */
	private static boolean echoesQuestion(String text, List<Found> found) {
		List<String> words = java.util.Arrays.stream(ValueShapes.fold(text).split("[^a-z0-9]+"))
			.filter(w -> w.length() >= 4).toList();
		return !words.isEmpty() && found.stream().anyMatch(f -> {
			String label = ValueShapes.fold(f.spec().labelEs());
			return words.stream().allMatch(w -> label.contains(w.length() > 5 ? w.substring(0, 5) : w));
		});
	}

	private static boolean repeatsStored(String text, Map<String, String> values) {
		String folded = ValueShapes.fold(text);
		return values.values().stream().anyMatch(v -> ValueShapes.fold(v).equals(folded));
	}

	// ---- values ------------------------------------------------------------------------------------

	/** What one message says: values for fields, pieces that could not be placed, and the rest of the text. */
	public record Reading(List<Assignment> assignments, List<String> unplaced, String rest, boolean labelled) {

		public Reading {
			assignments = List.copyOf(assignments);
			unplaced = List.copyOf(unplaced);
		}

	}

	private record Match(String scope, FieldSpec spec, String phrase, int start, int end) {
	}

	private record Found(String scope, FieldSpec spec, String value, int start, int end, boolean labelled) {

		int valueStart(Text message) {
			int at = message.original().indexOf(value, start);
			return at >= 0 ? at : start;
		}

	}

	private record Piece(int start, int end, String text) {
	}

	/** The message, its folded twin of the same length, and which characters were already taken. */
	private static final class Text {

		private final String original;

		private final String folded;

		private final boolean[] consumed;

		Text(String original) {
			this.original = original;
			this.folded = ValueShapes.foldSameLength(original);
			this.consumed = new boolean[original.length()];
		}

		String original() {
			return original;
		}

		String folded() {
			return folded;
		}

		int length() {
			return original.length();
		}

		boolean consumed(int i) {
			return consumed[i];
		}

		String remaining() {
			StringBuilder out = new StringBuilder(original.length());
			for (int i = 0; i < original.length(); i++) {
				out.append(consumed[i] ? ' ' : original.charAt(i));
			}
			return out.toString().replaceAll("\\s+", " ").replaceAll("^[\\s,;.]*(?:perdona|perdon|corrijo|me equivoque)?[\\s,;.]*", "").trim();
		}

		void consume(int from, int to) {
			for (int i = from; i < to; i++) {
				consumed[i] = true;
			}
		}

	}

}
