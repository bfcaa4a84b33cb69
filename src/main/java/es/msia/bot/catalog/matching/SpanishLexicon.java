package es.msia.bot.catalog.matching;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Generic Spanish word lists the matcher needs besides the catalogue: nothing here names a reform.
 * All words are already normalised (no accents, n for n-tilde).
 */
final class SpanishLexicon {

	private SpanishLexicon() {
	}

	/** WhatsApp shorthand and spelling variants mapped to one form. */
	private static final Map<String, String> CANONICAL = Map.ofEntries(Map.entry("q", "que"), Map.entry("k", "que"),
			Map.entry("xq", "porque"), Map.entry("pq", "porque"), Map.entry("tb", "tambien"),
			Map.entry("tmb", "tambien"), Map.entry("tambn", "tambien"), Map.entry("detras", "atras"),
			Map.entry("d", "de"), Map.entry("x", "por"), Map.entry("sip", "si"), Map.entry("nop", "no"),
			Map.entry("amb", "ambos"));

	/** Words skipped inside keyword phrases: "tubo escape" matches "tubo de escape". */
	static final Set<String> FUNCTION_WORDS = Set.of("de", "del", "la", "el", "los", "las", "lo", "un", "una", "unos",
			"unas", "a", "al", "en", "para", "por", "mi", "mis", "su", "sus", "tu", "tus", "es", "son");

	static final Set<String> NEGATIONS = Set.of("no", "ni", "sin", "tampoco");

	static final Set<String> EXCEPTIONS = Set.of("menos", "excepto", "salvo", "quitando");

	/** Words that close the scope of a negation or of a modification verb. */
	static final Set<String> CLAUSE_ENDERS = Set.of("pero", "sino", "aunque", "solo", "solamente", "unicamente",
			"tambien", "ademas", "y", "e", "que", "porque", "pues", "si");

	/**
	 * Verbs that announce a modification, as infinitives. They are compared by stem, so every regular
	 * form counts ("cambié", "cambiado", "cambiar", "le cambio"); they are actions, never elements.
	 */
	private static final Set<String> ACTION_VERB_STEMS = SpanishStems.stems("cambiar", "montar", "quitar", "instalar",
			"recortar", "anadir", "colocar", "sustituir", "modificar", "cortar", "acortar", "alargar", "adaptar",
			"homologar", "legalizar", "regularizar", "incorporar", "meter", "reubicar", "mover", "eliminar", "aumentar",
			"ampliar", "reforzar", "subir");

	/**
	 * Forms of "poner" the stemmer cannot join to their infinitive ("puesto", "puse"), and the present
	 * of "llevar", which announces a modification ("llevo un turbo") where the infinitive does not
	 * ("para llevar bicis").
	 */
	private static final Set<String> IRREGULAR_ACTION_FORMS = Set.of("poner", "pongo", "pone", "ponemos", "ponen",
			"puesto", "puesta", "puestos", "puestas", "puse", "puso", "pusimos", "pusieron", "pusiste", "llevo",
			"lleva", "llevamos", "llevan");

	/**
	 * Verbs allowed, besides stop words, between "no"/"sin" and the element they negate ("no lo he
	 * tocado", "no hace falta", "no quiero incluir", "no entra"), by stem.
	 */
	private static final Set<String> NEGATION_VERB_STEMS = SpanishStems.stems("tocar", "hacer", "hace", "falta",
			"querer", "quiero", "necesitar", "incluir", "entrar", "contar", "cuenta", "pensar", "pienso", "ir", "voy",
			"va", "vamos", "ningun", "ninguno");

	/** Lucene's Spanish stop words, folded like the message. */
	private static final Set<String> FOLDED_STOP_WORDS = foldedStopWords();

	/**
	 * Words that carry no modification besides Lucene's stop words: greetings, vehicles, filler.
	 * Never an unknown term. Compared by stem, so one form stands for its plural and gender.
	 */
	private static final Set<String> STOP_STEMS = SpanishStems.stems("hola", "buenas", "dia", "tarde", "noche",
			"gracias", "saludo", "quiero", "queria", "quisiera", "necesito", "homologar", "legalizar", "homologacion",
			"legalizacion", "moto", "motocicleta", "scooter", "autocaravana", "caravana", "camper", "furgo",
			"furgoneta", "coche", "vehiculo", "cosa", "pieza", "reforma", "precio", "presupuesto", "cuanto", "ficha",
			"itv", "papeles", "tema", "nuevo", "original", "homologado", "ademas", "varios", "cliente", "cual",
			"bien", "poco", "tiempo", "hoy", "ayer", "semana", "ano", "favor", "porfa", "vale", "ok",
			"duda", "pregunta", "info", "informacion", "cita", "taller", "marca", "modelo", "serie", "fabrica");

	/**
	 * Makes and models of vehicles, by spelling: a stem would be too loose for names ("Pilote" and
	 * "piloto" share one).
	 */
	private static final Set<String> VEHICLE_NAMES = Set.of("yamaha", "honda", "kawasaki", "suzuki", "ducati", "bmw", "ktm", "triumph", "harley", "davidson", "aprilia",
			"benelli", "kymco", "vespa", "piaggio", "royal", "enfield", "husqvarna", "mt07", "mt09", "mt", "cbr",
			"gsxr", "gsx", "z900", "z650", "r1", "r6", "ninja", "tracer", "sv650", "cb500", "cb650", "africa", "twin",
			"fiat", "ducato", "iveco", "mercedes", "sprinter", "ford", "transit", "citroen", "jumper", "peugeot",
			"boxer", "renault", "hymer", "adria", "knaus", "burstner", "dethleffs", "rapido", "benimar", "challenger",
			"chausson", "pilote", "carado", "sunlight", "weinsberg", "mclouis", "roller", "cv", "km", "kms", "cc");

	/**
	 * Qualifiers (position, size, sameness, place) that only refine a named part: never enough on
	 * their own to pick a variant. Stored as comparison keys.
	 */
	static final Set<String> QUALIFIER_KEYS = keys("delantero", "trasero", "delante", "atras", "frontal",
			"posterior", "anterior", "lateral", "izquierdo", "derecho", "superior", "inferior", "interior", "exterior",
			"dentro", "fuera", "nuevo", "original", "otro", "mismo", "igual", "equivalente", "distinto", "diferente",
			"grande", "mayor", "menor", "pequeno", "completo", "integral", "auxiliar", "sencillo", "complejo", "fijo",
			"universal", "digital", "solo", "uno", "dos", "independiente", "separado", "fabricante", "serie",
			"recambio", "habitaculo", "vivienda", "maletero", "porton", "garaje", "cofre", "armario", "asiento",
			"reubicado", "movido", "moverlo", "sustitucion", "soporte", "recolocar", "cambiado", "intercambiable",
			"homologacion", "contrasena", "ensayo", "medida", "diametro", "ancho", "visible", "sitio", "reubicar");

	private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("dos", 2), Map.entry("ambos", 2),
			Map.entry("ambas", 2), Map.entry("par", 2), Map.entry("pareja", 2), Map.entry("tres", 3),
			Map.entry("cuatro", 4), Map.entry("cinco", 5), Map.entry("seis", 6));

	/** Words meaning "both / all of them" in an answer. */
	static final Set<String> ALL_OF_THEM = Set.of("ambos", "ambas", "dos", "todos", "todas");

	static String canonical(String form) {
		return CANONICAL.getOrDefault(form, form);
	}

	/** Quantity a word states (2 for "dos", "ambos", "par"...), or 0. */
	static int quantity(String form) {
		Integer named = NUMBERS.get(form);
		if (named != null) {
			return named;
		}
		if (form.length() <= 2 && form.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(form);
		}
		return 0;
	}

	/**
	 * Words that name a whole assembly rather than one part: customers say "ruedas" for rims, tyres or
	 * both, so a part named in the same noun phrase ("ruedas Pirelli", "ruedas de radios") decides.
	 */
	private static final Set<String> WHOLE_STEMS = SpanishStems.stems("rueda");

	static boolean isWhole(String stem) {
		return WHOLE_STEMS.contains(stem);
	}

	/** Whether the word is a form of one of the action verbs ("he montado", "le puse", "cambié"). */
	static boolean isActionVerb(String form) {
		return IRREGULAR_ACTION_FORMS.contains(form) || ACTION_VERB_STEMS.contains(SpanishStems.stem(form));
	}

	/**
	 * Whether the word may stand between a negation and what it negates ("no lo he tocado"): a stop
	 * word that does not close a clause, or one of a few verbs.
	 */
	static boolean isNegationFiller(String form) {
		return (FOLDED_STOP_WORDS.contains(form) && !CLAUSE_ENDERS.contains(form) && !form.equals("o"))
				|| NEGATION_VERB_STEMS.contains(SpanishStems.stem(form));
	}

	/** Whether Lucene's Spanish stop list has the word: articles, pronouns, auxiliaries, "más"... */
	static boolean inStopList(String form) {
		return FOLDED_STOP_WORDS.contains(form);
	}

	/** Whether the word never names a modification: Spanish stop words, greetings, vehicles, brands. */
	static boolean isStopWord(String form) {
		return FOLDED_STOP_WORDS.contains(form) || VEHICLE_NAMES.contains(form) || STOP_STEMS.contains(SpanishStems.stem(form));
	}

	static boolean isQualifier(String key) {
		return QUALIFIER_KEYS.contains(key);
	}

	private static Set<String> keys(String... words) {
		return SpanishStems.stems(words);
	}

	private static Set<String> foldedStopWords() {
		return SpanishStems.stopWords().stream().map(TextNormalizer::fold).collect(Collectors.toUnmodifiableSet());
	}

}
