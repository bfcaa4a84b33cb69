package es.msia.bot.cases.domain;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;

/**
 * The words of a message that are not values: greetings, fillers, verbs and articles around a value ("pues
 * es el 41001, gracias"), and whole pieces that carry nothing ("un saludo", "no sé", "pues eso"). Values
 * keep what belongs to them: a capitalised article that starts a name ("La Rioja", "El Ejido") and the final
 * dot of an abbreviation ("S.L.").
 */
final class ValueWords {

	/** Words around a value that are never part of it, longest first so that "a ver" goes before "a". */
	private static final List<String> FILLERS = List.of(
			"aproximadamente", "buenas tardes", "me parece que", "aqui tienes", "buenos dias", "mas o menos",
			"instalado", "pues nada", "aqui van", "cambiado", "creo que", "entonces", "ahi van", "aqui va", "montado",
			"perdona", "te digo", "te paso", "ahi va", "apunta", "buenas", "llevan", "perdon", "puesto", "resido",
			"serian", "a ver", "ahora", "aprox", "bueno", "estan", "hemos", "lleva", "llevo", "miden", "ponle",
			"seria", "sobre", "tengo", "tiene", "esta", "hola", "mide", "mira", "okey", "pues", "sera", "vale",
			"vivo", "era", "pon", "que", "son", "es", "ha", "he", "le", "lo", "ok", "e", "y", "llevaba", "tenia",
			"antes", "queda", "quedan", "hay");

	private static final Pattern LEADING_FILLER = Pattern.compile("^(?:" + String.join("|", FILLERS) + ")\\b[\\s,:.]*");

	/**
	 * Articles and prepositions: dropped before a name or a number ("en Málaga", "una Yamaha", "el 41001"),
	 * kept before lower-case words, where they are part of the value ("en el carburador").
	 */
	private static final Pattern BEFORE_NAME = Pattern.compile("^(?:unas|unos|con|del|las|los|mis|una|de|el|en|la|mi|un)\\s+"
			+ "(?=\\p{Lu}|\\p{N}|(?:el|la|los|las|un|una|unos|unas)\\s+[\\p{Lu}\\p{N}])");

	/** Words after a value that are not part of it ("…, gracias", "… más o menos"). */
	private static final Pattern TRAILING_FILLER = Pattern.compile(
			"[\\s,.;:!]*(?:\\b(?:muchas gracias|gracias|un saludo|saludos|por favor|mas o menos|creo|vale|ok|"
					+ "aproximadamente|aprox|o asi|y|e)\\b[\\s,.;:!]*)+$");

	private static final Pattern JUNK = Pattern.compile("^(?:hola|buenas|buenos dias|buenas tardes|gracias|muchas gracias|ok|"
			+ "okey|vale|perfecto|genial|venga|un saludo|saludos|ahi va|ahi van|aqui tienes|aqui van|te paso los datos|"
			+ "los datos|mis datos|los datos son|eso es todo|nada mas|listo|ya esta|pues|bueno|mira|te digo|a ver|"
			+ "perdona|perdon|y|los del|los de|datos|saludo|saludos|un saludo|gracias de antemano|sigo contigo|sigo|"
			+ "seguimos|sigamos|continua|continuamos|sigue|adelante|dale|prefiero seguir|prefiero seguir contigo|contigo|"
			+ "de acuerdo|entendido|ah vale|ah ok|vale vale|por favor|porfa|porfavor|si por favor|claro que si)$");

	/** What people write when they have no answer: it carries no value. */
	private static final Pattern NON_ANSWER = Pattern.compile("^\\W*(?:(?:m+|e+h*|a+h*|pues|ya te digo que|te digo que|no se|no lo se|ni idea|no tengo ni idea|"
			+ "no sabria(?: decirte)?|ni lo se|no entiendo|no te entiendo|no te he entendido|que dices|como dices|como|que|"
			+ "pues eso|eso|lo que te dije|ya te (?:lo )?dije|ya te lo he dicho|te lo acabo de decir|no lo tengo claro|"
			+ "tampoco se|ya veremos|ni puta idea)(?:\\W+|$))+$");

	private static final Pattern ABBREVIATION_END = Pattern.compile(
			"(?i)(?:\\b\\p{L}\\.\\p{L}\\.(?:\\p{L}\\.)?|\\b(?:hnos|sr|sra|dr|dra|cia|avda|av|ctra|etc)\\.)$");

	/** Words that never make a value on their own. */
	private static final java.util.Set<String> FUNCTION_WORDS = java.util.Set.of("y", "e", "con", "mi", "mis", "el", "la", "los",
			"las", "su", "sus", "tu", "de", "del", "en", "que", "es", "son", "un", "una", "pues", "lo", "le", "a", "al", "o",
			"por", "para", "se", "me", "te", "ya", "eso", "esto", "asi");

	private ValueWords() {
	}

	/** A value that says it is not known: "no lo sé", "no la encuentro", "no lo tengo a mano". */
	private static final Pattern UNKNOWN = Pattern.compile("\\b(?:no (?:lo |la |los |las |le )?(?:se|sabria|tengo|encuentro|recuerdo|"
			+ "acuerdo|conozco|veo)|ni idea|no estoy segur[oa]|no me acuerdo|ni lo se|ya te (?:lo )?dire|te lo digo luego|"
			+ "luego te (?:lo )?digo|pendiente|si no me equivoco|si no recuerdo mal)\\b");

	/** "175 W cada una", "por placa": a number for one unit, not the total asked. */
	private static final Pattern PER_UNIT = Pattern.compile("\\b(?:cada un[oa]|cada placa|cada panel|por placa|por panel|por unidad|c/u)\\b");

	static boolean isUnknown(String value) {
		return UNKNOWN.matcher(ValueShapes.fold(value)).find();
	}

	/** "y os mando luego las fotos": talk about the photos, not a value. */
	private static final Pattern ABOUT_FILES = Pattern.compile("\\b(?:(?:te|os) (?:las |los |la |lo )?(?:mando|envio|paso)|las fotos|"
			+ "luego (?:te|os) )\\b");

	static boolean perUnit(String value) {
		return PER_UNIT.matcher(ValueShapes.fold(value)).find();
	}

	/** Whether a piece of a message carries no value: empty, a greeting, a non-answer, or only function words. */
	static boolean carriesNothing(String text, String stripped) {
		String folded = ValueShapes.fold(stripped);
		return stripped.isEmpty() || JUNK.matcher(folded.replaceAll("[.!]+$", "")).matches() || isUnknown(stripped)
				|| ABOUT_FILES.matcher(folded).find()
				|| folded.matches("soy [a-z].*") && !stripped.matches("(?i)soy\\s+\\p{Lu}.*")
				|| NON_ANSWER.matcher(ValueShapes.fold(text)).matches() || NON_ANSWER.matcher(folded).matches()
				|| !stripped.matches("(?s).*[\\p{L}\\p{N}].*")
				|| java.util.Arrays.stream(folded.split("[^a-z0-9]+")).allMatch(FUNCTION_WORDS::contains);
	}

	/**
	 * A value without the words around it ("pues es el 41001, gracias" → "41001"). A capitalised article
	 * stays: it starts a name ("La Rioja", "El Ejido").
	 */
	static String strip(String raw, List<String> provinces) {
		// Emoji and other pictographs are feelings, not data.
		String value = raw.replaceAll("[\\p{So}\\p{Cs}\\x{FE0F}\\x{200D}]", " ").replaceAll("\\s+", " ").trim();
		for (int round = 0; round < 8; round++) {
			if (ValueShapes.province(ValueShapes.fold(value), provinces).isPresent()) {
				break;
			}
			String folded = ValueShapes.foldSameLength(value);
			Matcher filler = LEADING_FILLER.matcher(folded);
			int cut = filler.find() ? filler.end() : 0;
			if (cut == 0 && value.matches("(?:El|La|Los|Las)\\s+\\p{Lu}.*")) {
				// A capitalised article starts a name: "El Ejido", "La Línea", "Los Barrios".
				break;
			}
			if (cut == 0) {
				// Matched on the original text: only the case of the next word tells a name.
				int space = value.indexOf(' ');
				String firstWordLower = space < 0 ? value : value.substring(0, space).toLowerCase(java.util.Locale.ROOT) + value.substring(space);
				Matcher article = BEFORE_NAME.matcher(firstWordLower);
				cut = article.find() ? article.end() : 0;
			}
			if (cut == 0) {
				break;
			}
			String next = value.substring(Math.min(cut, value.length())).trim();
			if (next.isEmpty()) {
				break;
			}
			value = next;
		}
		Matcher trailing = TRAILING_FILLER.matcher(ValueShapes.foldSameLength(value));
		if (trailing.find() && trailing.start() > 0) {
			value = value.substring(0, trailing.start());
		}
		value = value.replaceAll("^[\\s,;:.«»\"'-]+|[\\s,;:«»\"'(]+$", "").trim();
		// A sentence's full stop goes; an abbreviation's stays ("Talleres del Sur S.L.", "Hnos.").
		return ABBREVIATION_END.matcher(value).find() ? value : value.replaceAll("\\.+$", "").trim();
	}

	/**
	 * Names, brands and places never start with a preposition or an article, whatever the case it is typed
	 * in ("en malaga", "una yamaha"); descriptions may ("en el carburador").
	 */
	static String forField(FieldSpec field, String value) {
		if (field.key().equals("marca")) {
			// "Es una moto Honda": the kind of vehicle is not its make.
			value = value.replaceFirst("^(?i)(?:una |un |la |el )?(?:moto|motocicleta|scooter|coche|furgoneta|autocaravana|camper|caravana)\\s+(?=\\S)", "");
		}
		if (Addresses.holds(field)) {
			// "la calle Mayor 3": the article before the street's own word is the customer's, not the address's.
			return value.replaceFirst("^(?:en\\s+)?(?:la|el)\\s+(?=(?i:calle|avenida|avda|plaza|paseo|camino|carretera|urbanizaci|pol[ií]gono|ronda|traves)\\S*)", "");
		}
		if (!field.key().matches(".*(localidad|ciudad|provincia|nombre|marca|modelo|responsable|matricula).*")
				|| field.type() == FieldType.NUMBER) {
			return value;
		}
		String stripped = value.replaceFirst("^(?i)(?:(?:en|de|del|el|la|los|las|un|una|unos|unas|mi|con)\\s+)+(?=\\S)", "");
		return value.matches("(?:El|La|Los|Las)\\s+\\p{Lu}.*") ? value : stripped;
	}

}
