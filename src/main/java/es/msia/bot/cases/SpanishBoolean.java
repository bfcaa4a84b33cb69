package es.msia.bot.cases;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Yes/no answers as Spanish customers type them: the short words ("sí", "vale", "claro", "no", "qué va",
 * "tampoco"), and sentences that answer by what was done ("sí, lo cambié", "no lo he tocado", "es el de
 * serie", "eso no").
 */
public final class SpanishBoolean {

	private static final List<String> YES_STARTS = List.of("si", "s", "sip", "sii", "vale", "claro", "ok", "okey",
			"correcto", "exacto", "afirmativo", "por supuesto", "efectivamente", "eso es", "asi es", "desde luego",
			"sin duda", "aja", "yes", "de acuerdo", "perfecto", "va", "obvio", "pues si", "hombre si", "tambien");

	private static final List<String> NO_STARTS = List.of("no", "n", "nop", "nope", "que va", "para nada", "negativo",
			"ninguno", "ninguna", "tampoco", "nada", "ni de broma", "en absoluto", "eso no", "pues no", "qua va",
			"nanai");

	/** Sentences that keep the original: the change asked about was not made. */
	private static final Pattern KEPT = Pattern.compile("\\b(de serie|de fabrica|el original|la original|los originales|"
			+ "las originales|sigue igual|siguen igual|se queda igual|queda igual|igual|como venia|como vino|lo mismo|como estaba|"
			+ "como estaban|"
			+ "no (?:lo |la |los |las |le |les )?(?:he |hemos |ha |han )?(?:toque|tocado|cambie|cambiado|cambia|cambian|"
			+ "monte|montado|puesto|puse|quite|quitado|hecho|hice|lleva|llevan|tiene|tienen|necesito|hace falta))\\b");

	/** Sentences that say the change was made. */
	private static final Pattern DONE = Pattern.compile("\\b((?:lo |la |los |las |le |les )?(?:he |hemos |ha |han )?"
			+ "(?:cambiado|cambie|montado|monte|puesto|puse|quitado|quite|instalado|instale|sustituido|sustitui)|"
			+ "lleva|llevan|tiene|tienen|cambia|cambian)\\b");

	private SpanishBoolean() {
	}

	/** Parses a yes/no answer; anything else is refused. */
	public static boolean of(String raw) {
		return find(raw).orElseThrow(() -> new InvalidValue("boolean.format", raw.trim()));
	}

	/** "antes no", "el ancho no": the answer said last in a clause. */
	private static final Pattern ENDS_NO = Pattern.compile(".*\\s(?:no|tampoco)$");

	/** "ahora sí", "sí que cambia". */
	private static final Pattern ENDS_YES = Pattern.compile(".*\\s(?:si|tambien)$|.*\\bsi que\\b.*");

	/** Doubt is not an answer: "no sé", "no estoy seguro", "no me acuerdo". */
	private static final Pattern UNSURE = Pattern.compile("\\b(?:no (?:lo |la )?se|no estoy segur[oa]|ni idea|no tengo claro|"
			+ "no lo tengo claro|no me acuerdo|no recuerdo|no sabria|a lo mejor|puede que|quiza|quizas|no tengo ni idea)\\b");

	/** Hedges that are not an answer ("si no me equivoco, no" is a no). */
	private static final Pattern HEDGE = Pattern.compile("\\b(?:si no me equivoco|si no recuerdo mal|si mal no recuerdo|creo que|"
			+ "me parece que|diria que)\\b");

	/**
	 * The yes or no a message gives, if it gives one. Each clause is read on its own and the last one that
	 * answers wins ("no no, sí que cambia", "antes no, ahora sí"); a clause in doubt answers nothing; a
	 * question is not an answer unless it starts with one.
	 */
	public static Optional<Boolean> find(String raw) {
		String text = Normalize.folded(raw);
		boolean question = text.contains("?");
		text = HEDGE.matcher(text).replaceAll(" ");
		Optional<Boolean> last = Optional.empty();
		for (String clause : text.split("[,.;:!¡¿?()]|\\bpero\\b|\\bsino\\b")) {
			String folded = clause.replaceAll("\\s+", " ").trim();
			if (folded.isEmpty() || UNSURE.matcher(folded).find()) {
				continue;
			}
			Optional<Boolean> said = clause(folded, question);
			if (said.isPresent()) {
				last = said;
			}
		}
		return last;
	}

	private static Optional<Boolean> clause(String folded, boolean question) {
		for (String no : NO_STARTS) {
			if (folded.equals(no) || (no.length() > 1 && folded.startsWith(no + " "))) {
				return Optional.of(false);
			}
		}
		for (String yes : YES_STARTS) {
			if (folded.equals(yes) || (yes.length() > 2 || yes.equals("si")) && folded.startsWith(yes + " ")) {
				return Optional.of(true);
			}
		}
		// "antes no", "ahora sí", "el ancho no": the answer said last in the clause.
		if (ENDS_NO.matcher(folded).matches()) {
			return Optional.of(false);
		}
		if (ENDS_YES.matcher(folded).matches()) {
			return Optional.of(true);
		}
		if (question) {
			return Optional.empty();
		}
		// A sentence answers by its verb only when it is about the thing asked, not "lo que cambié fue …".
		int words = folded.split(" ").length;
		if (words <= 8 && !folded.contains("lo que") && KEPT.matcher(folded).find()) {
			return Optional.of(false);
		}
		if (words <= 5 && !folded.contains("lo que") && DONE.matcher(folded).find()) {
			return Optional.of(true);
		}
		return Optional.empty();
	}

}
