package es.msia.bot.cases.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A customer who reads only the bot's text and answers truthfully from their profile, in one of the ways
 * people write on WhatsApp. It knows its own data by what each question means (the label the bot shows);
 * it knows nothing of field keys, steps or the reader.
 */
public final class SimulatedCustomer {

	/** How the customer writes. */
	public enum Style {

		/** The bot's own format: the values asked, comma-separated, in the order asked. */
		COMMA,

		/** One "label: value" per line (the answer alone when the bot asked a question). */
		LABELLED_LINES,

		/** Sentences with fillers, cue words and no fixed order. */
		PROSE,

		/** Only the first thing asked, one message each. */
		ONE_PER_MESSAGE

	}

	/** One thing the customer knows: how the bot asks it, its value, and how they say it in prose. */
	public record Known(String label, String value, Kind kind, String prose, String shortLabel) {
	}

	public enum Kind {

		TEXT, NUMBER, YES_NO, OPTION

	}

	/** What the customer sends: text and a number of photos. */
	public record Message(String text, int files) {
	}

	private static final Pattern CLARIFY = Pattern.compile("¿«(.+?)» es el dato «(.+?)»\\?");

	private static final Pattern MISSING = Pattern.compile("Falta (\\d+) más|Faltan (\\d+) más");

	private final Map<String, Known> known;

	private final Style style;

	private final boolean ownWorkshop;

	private final boolean skipsOptionalDocument;

	private int turn;

	/** Whether the customer types in lower case without accents, as many do on a phone. */
	private boolean sloppy;

	/** A change of mind to tell at the summary: the label and the new value. */
	private Known correction;

	public SimulatedCustomer(List<Known> known, Style style, boolean ownWorkshop, boolean skipsOptionalDocument) {
		this.known = new LinkedHashMap<>();
		known.forEach(k -> this.known.put(k.label(), k));
		this.style = style;
		this.ownWorkshop = ownWorkshop;
		this.skipsOptionalDocument = skipsOptionalDocument;
	}

	/** The answer to the bot's last message, or empty when the customer has nothing to say (done or lost). */
	public Optional<Message> answer(String bot) {
		turn++;
		Matcher clarify = CLARIFY.matcher(bot);
		if (clarify.find()) {
			Known asked = known.get(clarify.group(2));
			boolean mine = asked != null && same(asked.value(), clarify.group(1));
			return Optional.of(new Message(mine ? "sí" : "no", 0));
		}
		if (bot.contains("¿Quieres que te pase con una persona")) {
			return Optional.of(new Message("no, sigo contigo", 0));
		}
		if (bot.contains("Te paso con una persona") || bot.contains("pasa a revisión")) {
			return Optional.empty();
		}
		Matcher missing = MISSING.matcher(bot);
		if (missing.find()) {
			return Optional.of(new Message("", Integer.parseInt(missing.group(1) != null ? missing.group(1) : missing.group(2))));
		}
		if (bot.contains("necesito estas fotos")) {
			long photos = bullets(bot).stream().filter(l -> !l.startsWith("Si ") && !l.startsWith("Con ")).count();
			return Optional.of(new Message(turn % 3 == 0 ? "ahí van" : "", (int) Math.max(1, photos)));
		}
		if (bot.contains("Ahora la documentación")) {
			if (bot.contains("responde «no aplica»") && skipsOptionalDocument) {
				return Optional.of(new Message(notApplicable(), 0));
			}
			String name = bot.substring(bot.indexOf('*') + 1);
			return Optional.of(new Message("", name.startsWith("Cuatro") ? 4 : name.startsWith("Dos") || name.startsWith("Vistas") ? 2 : 1));
		}
		if (bot.contains("Tengo estos datos tuyos")) {
			return Optional.of(new Message("sí, siguen bien", 0));
		}
		if (bot.contains("1. Lo gestiona MSI")) {
			return Optional.of(new Message(workshopChoice(), 0));
		}
		if (bot.contains("Este es el resumen") && correction != null) {
			Known changed = correction;
			correction = null;
			known.put(changed.label(), changed);
			return Optional.of(new Message("perdona, " + changed.prose(), 0));
		}
		if (bot.contains("Este es el resumen")) {
			return Optional.of(new Message(style == Style.PROSE ? "sí, todo correcto, envíalo" : "sí", 0));
		}
		List<Known> asked = new ArrayList<>();
		for (String bullet : bullets(bot)) {
			known(bullet).ifPresent(asked::add);
		}
		if (asked.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Message(write(asked), 0));
	}

	/** Types sloppily from now on: lower case, no accents. */
	public SimulatedCustomer sloppy() {
		this.sloppy = true;
		return this;
	}

	/** Changes one answer at the summary ("perdona, mi correo es …"). */
	public SimulatedCustomer changesAtSummary(Known changed) {
		this.correction = changed;
		return this;
	}

	/** What the customer knows now (after any change of mind). */
	public List<Known> known() {
		return List.copyOf(known.values());
	}

	private String write(List<Known> asked) {
		switch (style) {
			case COMMA:
				return String.join(", ", asked.stream().map(Known::value).toList());
			case LABELLED_LINES:
				return String.join("\n", asked.stream()
					.map(k -> k.shortLabel() == null ? k.value() : k.shortLabel() + ": " + k.value()).toList());
			case ONE_PER_MESSAGE:
				return asked.get(0).value();
			default:
				return prose(asked);
		}
	}

	/** "Pues mira, me llamo …, con DNI … y mi correo es …. Un saludo" with the customer's own words. */
	private String prose(List<Known> asked) {
		List<String> parts = new ArrayList<>(asked.stream().map(Known::prose).toList());
		if (turn % 2 == 1) {
			// People do not answer in the order asked.
			java.util.Collections.reverse(parts);
		}
		StringBuilder out = new StringBuilder(List.of("Pues mira, ", "Hola, ", "A ver, ", "").get(turn % 4));
		for (int i = 0; i < parts.size(); i++) {
			String part = parts.get(i);
			if (i > 0) {
				boolean joinsWithY = i == parts.size() - 1 && part.matches("(?i)(mi|el|la|los|las|con|es|he|no|sí|en) .*");
				out.append(joinsWithY ? " y " : ", ");
			}
			out.append(part);
		}
		out.append(List.of(".", ". Un saludo", "", ", gracias").get(turn % 4));
		return sloppy ? withoutAccents(out.toString().toLowerCase(Locale.ROOT)) : out.toString();
	}

	private Optional<Known> known(String bullet) {
		Known best = null;
		for (Known k : known.values()) {
			if (bullet.startsWith(k.label()) && (best == null || k.label().length() > best.label().length())) {
				best = k;
			}
		}
		return Optional.ofNullable(best);
	}

	private String notApplicable() {
		return List.of("no, eso no me hace falta", "por delante no toqué nada", "no es mi caso", "no aplica")
			.get(style.ordinal());
	}

	private String workshopChoice() {
		if (ownWorkshop) {
			return List.of("2", "Lo firma mi taller", "pues prefiero mi propio taller, que es el que lo montó", "el mío")
				.get(style.ordinal());
		}
		return List.of("1", "Taller concertado", "mejor que lo gestionéis vosotros", "1").get(style.ordinal());
	}

	private static List<String> bullets(String bot) {
		List<String> out = new ArrayList<>();
		for (String line : bot.split("\n")) {
			if (line.startsWith("• ")) {
				out.add(line.substring(2).trim());
			}
		}
		return out;
	}

	public static boolean same(String a, String b) {
		return fold(a).equals(fold(b));
	}

	private static String withoutAccents(String text) {
		return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
	}

	static String fold(String text) {
		return java.text.Normalizer.normalize(text.toLowerCase(Locale.ROOT), java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "").replaceAll("[\\s.]+", " ").trim();
	}

}
