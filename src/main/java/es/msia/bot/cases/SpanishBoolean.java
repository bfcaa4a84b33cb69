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
			+ "las originales|sigue igual|siguen igual|se queda igual|queda igual|igual|como venia|como vino|lo mismo|"
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

	/** The yes or no a message gives, if it gives one. */
	public static Optional<Boolean> find(String raw) {
		String folded = Normalize.folded(raw).replaceAll("[¡!¿?.,;:()]", " ").replaceAll("\\s+", " ").trim();
		if (folded.isEmpty()) {
			return Optional.empty();
		}
		// "no, lo cambié" is a correction of the question's premise, rare; the first word decides.
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
