package es.msia.bot.conversation.understanding;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The ways Spanish WhatsApp customers say yes, no, "a person, please", and the rest, as patterns over
 * normalised text (lower case, no accents, emoji turned into words).
 */
final class SpanishCues {

	static final Pattern HUMAN = Pattern.compile("\\b(persona|humano|humana|agente|asesor|asesora|operador|operadora|"
			+ "comercial|alguien del equipo|alguien de msi|un tecnico|una tecnica|un ingeniero|que me llame|llamadme|"
			+ "llamame|me (puede|puedes|podeis|pueden|podria|podrias) llamar|hablar con alguien|atencion personal)\\b");

	/**
	 * While a case is collected, the customer's data can hold those words ("persona responsable", "Talleres
	 * Comercial Sur"): there a person is only asked for with a verb that asks for one.
	 */
	static final Pattern ASKS_FOR_SOMEONE = Pattern.compile("\\b(hablar|habla|pasame|pasadme|pasarme|ponme|"
			+ "ponedme|quiero|queria|quisiera|necesito|prefiero|puede|pueden|podeis|podria|atienda|atiendan|"
			+ "llame|llamen|llamadme|llamame|escriba|contacte|contacten)\\b");

	static final Pattern CANCEL = Pattern.compile("\\b(cancela|cancelar|cancelalo|olvidalo|olvida lo|dejalo|"
			+ "dejalo estar|anula|anular|anulalo|ya no me interesa|no me interesa)\\b");

	static final Pattern EXAMPLES = Pattern.compile("\\b(ejemplo|ejemplos|como (tienen|deben) (que )?ser las fotos|"
			+ "que fotos)\\b");

	static final Pattern REMOVE = Pattern.compile("\\b(quita|quitame|quitalo|quitar|quitad|elimina|eliminar|borra|"
			+ "borrar|saca|sacame|ya no (quiero|hace falta|necesito)|al final no|mejor sin|olvida el|olvida la)\\b");

	static final Pattern AFFIRM = Pattern.compile("^(si|sii+|vale|ok|oki|okey|okay|dale|de acuerdo|perfecto|adelante|"
			+ "venga|claro|genial|por supuesto|hecho|me parece bien|me vale|lo quiero|acepto|aceptado|sigamos|"
			+ "estupendo|bien|correcto|eso es|exacto|va|vamos|por favor|porfa)( (si|vale|ok|dale|adelante|venga|claro|perfecto|"
			+ "gracias|por favor|porfa|hazlo|abrelo|abrid el expediente|adelante con ello|lo acepto|me interesa))*$");

	static final Pattern DENY = Pattern.compile("^(no|nop|nah|no gracias|no, gracias|nada|de momento no|ahora no|"
			+ "mejor no|paso|todavia no|aun no|por ahora no|no me convence|lo pienso|me lo pienso|"
			+ "lo tengo que pensar)( (gracias|por ahora|de momento|muchas gracias))*$");

	/** An answer that is only an option's number: «2», «la 1», «opción 2». */
	static final Pattern OPTION_NUMBER = Pattern.compile("^(?:(?:el|la|opcion|la opcion|el numero|numero) )?([1-9])$");

	static final Pattern GREET = Pattern.compile("^(hola|holaa+|buenas|buenos dias|buenas tardes|buenas noches|"
			+ "hey|saludos|que tal)\\b");

	static final Pattern THANK = Pattern.compile("^(muchas |mil |muchisimas )?gracias( (por todo|de nuevo|majo|maja|"
			+ "crack))?$|^(perfecto|genial|vale|ok),? gracias$");

	static final Pattern QUESTION_START = Pattern.compile("^(que|cuanto|cuantos|cuanta|cuando|donde|como|cual|cuales|"
			+ "puedo|se puede|hay|teneis|tienen|aceptais|haceis|trabajais|necesito saber|una pregunta|pregunta)\\b");

	private SpanishCues() {
	}

	/** Lower case, no accents, emoji as words, punctuation as spaces (but "?" is kept as a signal). */
	static String normalise(String text) {
		String withWords = text.replace("👍", " ok ").replace("👌", " ok ").replace("✅", " ok ").replace("🙏", " gracias ");
		String stripped = Normalizer.normalize(withWords.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace('ñ', 'n');
		return stripped.replaceAll("[^a-z0-9?\\s]", " ").replaceAll("\\s+", " ").trim();
	}

	/** The text without question marks, for whole-message patterns. */
	static String bare(String normalised) {
		return normalised.replace("?", "").replaceAll("\\s+", " ").trim();
	}

}
