package es.msia.bot.cases;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Recognises a customer asking about their own expediente: how it is going («¿cómo va mi expediente?»,
 * «¿en qué estado está lo mío?»), what is missing («¿qué os falta?»), whether something arrived
 * («¿habéis recibido las fotos?») or when the ITV comes («¿cuándo paso la ITV?»). WhatsApp spelling is
 * expected: no accents, «q»/«k» for «que», a letter missing or doubled in the long words. Both the offline
 * understanding and the case reader use it, so a question like this is never filed as a field value.
 * Ordinary case answers (names, plates, «ITV Málaga - Guadalhorce», «ya te las he enviado») do not match:
 * each pattern needs a question word together with the case, or a second-person verb.
 */
public final class CaseStatusQuestion {

	/** Short WhatsApp spellings, and the ones an edit distance on short words would get wrong. */
	private static final Map<String, String> SPELLINGS = Map.ofEntries(Map.entry("q", "que"), Map.entry("k", "que"),
			Map.entry("ke", "que"), Map.entry("qe", "que"), Map.entry("cuado", "cuando"), Map.entry("cuanod", "cuando"),
			Map.entry("qndo", "cuando"), Map.entry("cdo", "cuando"), Map.entry("cnd", "cuando"),
			Map.entry("abeis", "habeis"), Map.entry("habies", "habeis"), Map.entry("haveis", "habeis"),
			Map.entry("habis", "habeis"), Map.entry("aveis", "habeis"), Map.entry("exp", "expediente"),
			Map.entry("expte", "expediente"), Map.entry("expdte", "expediente"), Map.entry("estao", "estado"),
			Map.entry("mio", "mio"), Map.entry("mi0", "mio"), Map.entry("tb", "tambien"), Map.entry("x", "por"),
			Map.entry("ba", "va"), Map.entry("komo", "como"), Map.entry("cmo", "como"), Map.entry("cm", "como"),
			Map.entry("ia", "ya"), Map.entry("itb", "itv"), Map.entry("ibt", "itv"), Map.entry("ytv", "itv"));

	/** Long words worth correcting a typo in (one edit up to seven letters, two from eight). */
	private static final List<String> LONG_WORDS = List.of("expediente", "expedientes", "recibido", "recibidos",
			"recibida", "recibidas", "homologacion", "legalizacion", "tramite", "tramites", "novedades", "llegado",
			"llegaron", "estado");

	private static final String OBJECT = "(expediente|expedientes|tramite|tramites|homologacion|legalizacion|papeleo|"
			+ "gestion|lo mio|lo nuestro|mi caso|mi solicitud|lo (de (la|el|mi|mis)|del) \\w+)";

	private static final String STATUS_CUE = "(como (va|van|vais|lleva|llevais|esta|estan|anda|andan|sigue|siguen|vamos|ha ido)|"
			+ "que tal (va|van|esta|anda|vamos|lo)?|en que (estado|punto|fase|situacion)|estado (de|del|en el que)|"
			+ "novedad|novedades|noticias|sabeis algo|se sabe algo|hay algo nuevo|falta mucho|cuanto (os |me |le )?(falta|queda)|"
			+ "para cuando|cuando (estara|estaria|tendreis|acabareis|terminareis|esta|estaran|saldra)|"
			+ "ya esta (listo|hecho|terminado|aprobado)|esta listo|va bien|que pasa con|que hay de|seguimiento)";

	private static final Pattern STATUS = Pattern.compile(
			"\\b" + STATUS_CUE + "\\b.*\\b" + OBJECT + "\\b|\\b" + OBJECT + "\\b.*\\b" + STATUS_CUE + "\\b");

	private static final Pattern STATUS_ALONE = Pattern.compile("^(y )?((hay |alguna |teneis |tienes )?(novedad|novedades|noticias)|"
			+ "como (va|vamos|va todo|va la cosa|lo llevais)|que tal (va|vamos|va todo|lo llevais)|"
			+ "(en )?que estado (esta|tiene)|sabeis algo|se sabe algo)( (de|del|sobre) (lo mio|mi \\w+|lo nuestro))?$");

	private static final Pattern MISSING = Pattern.compile("(?<!lo )\\bque (mas )?(os |te |les |nos |me )?"
			+ "(falta|faltaria|faltan|hace falta|hacen falta|necesitais|necesitas|necesitan)\\b"
			+ "|(?<!lo )\\bque (mas )?(os |te |nos |me )(queda|quedaria)\\b"
			+ "|\\b(os|te|le|les) (falta|faltaria|queda|hace falta) (algo|alguna cosa|algun|alguna|mas)\\b"
			+ "|^(y )?(falta|queda|necesitais|necesitas) (algo|alguna cosa)( mas)?\\b"
			+ "|\\b(me|nos) (falta|queda) (algo|alguna cosa) (por|de|que)\\b");

	private static final Pattern RECEIVED = Pattern.compile("\\b(habeis|has|han) (recibido|recibidos|recibida|recibidas|"
			+ "visto|podido ver)\\b|\\b(os|te|les|le) (ha |han |habra |habran )?(llegado|llego|llegaron)\\b"
			+ "|\\brecibisteis\\b|\\brecibiste\\b");

	private static final Pattern ITV_WHEN = Pattern.compile("\\bcuando\\b.*\\bitv\\b|\\bitv\\b.*\\bcuando\\b");

	private static final Pattern ITV_ASKED = Pattern.compile("\\b(cita|fecha|dia|ya puedo|puedo ya|ya podemos|podre|"
			+ "me toca|nos toca)\\b.*\\bitv\\b|\\bitv\\b.*\\b(cita|fecha|ya puedo|puedo ya|ya podemos|podre)\\b");

	private CaseStatusQuestion() {
	}

	/** What the question is mostly about, so the answer leads with that and stays short. */
	public enum Topic {

		/** «¿Cómo va?»: the status, with what is missing only counted. */
		STATUS,

		/** «¿Qué os falta?»: everything still missing, listed. */
		MISSING,

		/** «¿Habéis recibido las fotos?»: the files received and any rejected. */
		RECEIVED,

		/** «¿Cuándo paso la ITV?»: what comes before the ITV, or that it can be booked. */
		ITV

	}

	/** The topic of a message {@link #asks(String)} recognised; {@link Topic#STATUS} when it names none. */
	public static Topic topic(String text) {
		if (text == null) {
			return Topic.STATUS;
		}
		String words = words(text);
		if (ITV_WHEN.matcher(words).find() || ITV_ASKED.matcher(words).find()) {
			return Topic.ITV;
		}
		if (MISSING.matcher(words).find()) {
			return Topic.MISSING;
		}
		if (RECEIVED.matcher(words).find()) {
			return Topic.RECEIVED;
		}
		return Topic.STATUS;
	}

	/** Whether the message asks about the customer's own case (its status, what is missing, files, ITV). */
	public static boolean asks(String text) {
		if (text == null || text.isBlank()) {
			return false;
		}
		String words = words(text);
		if (words.isEmpty() || words.split(" ").length > 25) {
			return false;
		}
		boolean questionMark = text.contains("?") || text.contains("¿");
		return STATUS.matcher(words).find() || STATUS_ALONE.matcher(words).find() || MISSING.matcher(words).find()
				|| RECEIVED.matcher(words).find() || ITV_WHEN.matcher(words).find()
				|| (questionMark && ITV_ASKED.matcher(words).find());
	}

	/** Lower case, no accents, letters and digits only, each word spelled as the patterns expect. */
	static String words(String text) {
		String folded = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replaceAll("[^a-z0-9ñ]+", " ")
			.trim();
		List<String> out = new ArrayList<>();
		for (String word : folded.split(" ")) {
			if (!word.isEmpty()) {
				out.add(spelled(word.replaceAll("(\\p{L})\\1{2,}", "$1")));
			}
		}
		return String.join(" ", out);
	}

	private static String spelled(String word) {
		String known = SPELLINGS.get(word);
		if (known != null) {
			return known;
		}
		if (word.length() < 6 || LONG_WORDS.contains(word)) {
			return word;
		}
		for (String target : LONG_WORDS) {
			int allowed = target.length() >= 8 ? 2 : 1;
			if (Math.abs(target.length() - word.length()) <= allowed && SelectOption.distance(word, target) <= allowed) {
				return target;
			}
		}
		return word;
	}

}
