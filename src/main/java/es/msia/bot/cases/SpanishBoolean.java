package es.msia.bot.cases;

import java.util.Set;

/** Yes/no answers as Spanish customers type them ("sí", "vale", "claro", "no", "qué va"...). */
public final class SpanishBoolean {

	private static final Set<String> YES = Set.of("si", "s", "sip", "vale", "claro", "ok", "okey", "correcto", "exacto",
			"afirmativo", "por supuesto", "si claro", "claro que si", "eso es", "yes", "de acuerdo", "perfecto", "va");

	private static final Set<String> NO = Set.of("no", "n", "nop", "nope", "que va", "para nada", "negativo", "ninguno",
			"ninguna", "no cambia", "tampoco");

	private SpanishBoolean() {
	}

	/** Parses a yes/no answer; anything else is refused. */
	public static boolean of(String raw) {
		String folded = Normalize.folded(raw).replaceAll("[¡!¿?.,]", "").trim();
		if (YES.contains(folded)) {
			return true;
		}
		if (NO.contains(folded) || folded.startsWith("no ")) {
			return false;
		}
		if (folded.startsWith("si ") || folded.startsWith("si,")) {
			return true;
		}
		throw new InvalidValue("boolean.format", raw.trim());
	}

}
