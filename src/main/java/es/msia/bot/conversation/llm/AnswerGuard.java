package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The check every LLM-written text passes before a customer sees it. The model may only restate the facts
 * given to that call: every euro amount, percentage, phone number, email, web address, other number and
 * catalogue element it names must appear in those facts; it may not show internal codes (tiers, element
 * codes, tool names) or fragments of the prompt; and it stays short. A text that fails is never sent: the
 * caller replaces it with the stored answer or a template. Deterministic and cheap, so it runs on every
 * answer.
 */
public final class AnswerGuard {

	/** Why a text was refused, or null when it may be sent. */
	public record Verdict(@Nullable String rejection) {

		public boolean passed() {
			return rejection == null;
		}

		static final Verdict PASSED = new Verdict(null);

	}

	/**
	 * What one call was given to answer from.
	 *
	 * @param facts the fact texts as they appeared in the prompt
	 * @param elementTerms catalogue element names and keywords (lower case, without accents) the model must
	 *     not name unless the facts do
	 * @param internalCodes identifiers that never reach a customer: element and tier codes, tool names,
	 *     category slugs, FAQ keys
	 */
	public record Grounding(String facts, List<String> elementTerms, List<String> internalCodes) {

		public Grounding {
			elementTerms = List.copyOf(elementTerms);
			internalCodes = List.copyOf(internalCodes);
		}

	}

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+");

	private static final Pattern URL = Pattern.compile(
			"(?i)(?:https?://\\S+|www\\.\\S+|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|es|net|org|eu|io|info|me|ly|app|link)\\b\\S*)");

	/** "1.234,56 €", "175 €", "175€", "175 euros", "EUR 175", "€175". */
	private static final String AMOUNT = "\\d{1,3}(?:[.\\s]\\d{3})+(?:,\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?";

	private static final Pattern MONEY = Pattern.compile("(?i)(?:(" + AMOUNT + ")\\s*(?:€|euros?\\b|eur\\b)"
			+ "|(?:€|\\beur\\b)\\s*(" + AMOUNT + "))");

	private static final Pattern CURRENCY_WORD = Pattern.compile("(?i)€|\\beuros?\\b|\\beur\\b");

	private static final Pattern PERCENT = Pattern.compile("(?i)(\\d+(?:[.,]\\d+)?)\\s*(?:%|por\\s*ciento\\b)");

	/** Nine or more digits in groups ("952 208 844", "+34 690-658-720", "952208844"). */
	private static final Pattern PHONE = Pattern.compile("\\+?\\d(?:[\\s.-]?\\d){8,}");

	private static final Pattern NUMBER = Pattern.compile("\\d+(?:[.,]\\d+)?");

	private static final Pattern TIER_OR_CONSTANT = Pattern.compile("\\bT\\d{1,2}\\b|\\b[A-Z]{2,}_[A-Z0-9_]+\\b|\\b[a-z]+_[a-z_]+\\b");

	/**
	 * Numbers written as words ("en dos días"), checked like digits. "Un/una/uno" are left out: they are
	 * articles far more often than amounts.
	 */
	private static final java.util.Map<String, String> NUMBER_WORDS = java.util.Map.ofEntries(
			java.util.Map.entry("dos", "2"), java.util.Map.entry("tres", "3"), java.util.Map.entry("cuatro", "4"),
			java.util.Map.entry("cinco", "5"), java.util.Map.entry("seis", "6"), java.util.Map.entry("siete", "7"),
			java.util.Map.entry("ocho", "8"), java.util.Map.entry("nueve", "9"), java.util.Map.entry("diez", "10"),
			java.util.Map.entry("once", "11"), java.util.Map.entry("doce", "12"), java.util.Map.entry("quince", "15"),
			java.util.Map.entry("veinte", "20"), java.util.Map.entry("treinta", "30"), java.util.Map.entry("cuarenta", "40"),
			java.util.Map.entry("cincuenta", "50"), java.util.Map.entry("cien", "100"), java.util.Map.entry("mil", "1000"));

	/** Words the prompt's own text is recognised by (n-grams of this length copied out of it). */
	private static final int SHINGLE = 6;

	private static final List<String> PROMPT_MARKERS = List.of("{{", "}}", "system prompt", "prompt del sistema",
			"mis instrucciones", "my instructions");

	private final Set<String> promptShingles = new HashSet<>();

	private final int maxChars;

	/**
	 * @param promptTexts the fixed texts the model is given (prompt template, tool descriptions), whose
	 *     fragments must never be echoed
	 * @param maxChars the longest answer sent
	 */
	public AnswerGuard(List<String> promptTexts, int maxChars) {
		this.maxChars = maxChars;
		for (String text : promptTexts) {
			String plain = text.replaceAll("\\{\\{[a-z]+}}", " | ");
			for (String part : plain.split("\\|")) {
				List<String> words = words(part);
				for (int i = 0; i + SHINGLE <= words.size(); i++) {
					promptShingles.add(String.join(" ", words.subList(i, i + SHINGLE)));
				}
			}
		}
	}

	public Verdict check(@Nullable String answer, Grounding grounding) {
		if (answer == null || answer.isBlank()) {
			return reject("empty");
		}
		if (answer.length() > maxChars) {
			return reject("too_long");
		}
		String text = answer;
		String facts = grounding.facts();
		String lower = normalise(text);
		for (String marker : PROMPT_MARKERS) {
			if (lower.contains(marker)) {
				return reject("prompt_leak");
			}
		}
		List<String> words = words(text);
		String plainFacts = " " + String.join(" ", words(facts)) + " ";
		for (int i = 0; i + SHINGLE <= words.size(); i++) {
			String shingle = String.join(" ", words.subList(i, i + SHINGLE));
			// Words the facts also say are the facts' words, not a leak of the prompt.
			if (promptShingles.contains(shingle) && !plainFacts.contains(" " + shingle + " ")) {
				return reject("prompt_leak");
			}
		}
		Matcher code = TIER_OR_CONSTANT.matcher(text);
		if (code.find()) {
			return reject("internal_code");
		}
		for (String internal : grounding.internalCodes()) {
			if (Pattern.compile("(?<![\\p{L}0-9_-])" + Pattern.quote(internal) + "(?![\\p{L}0-9_-])").matcher(text).find()) {
				return reject("internal_code");
			}
		}
		// Each kind is taken out of the text once checked, so "msi@msihomologacion.com" is not also a URL
		// and "1.234,56 €" is not also a bare number.
		Taken emails = take(text, EMAIL, m -> m.group().toLowerCase(Locale.ROOT));
		if (!take(facts, EMAIL, m -> m.group().toLowerCase(Locale.ROOT)).values().containsAll(emails.values())) {
			return reject("email");
		}
		String factsRest = take(facts, EMAIL, m -> "").rest();
		Taken urls = take(emails.rest(), URL, AnswerGuard::site);
		Taken factUrls = take(factsRest, URL, AnswerGuard::site);
		if (!factUrls.values().containsAll(urls.values())) {
			return reject("url");
		}
		Taken money = take(urls.rest(), MONEY, AnswerGuard::amount);
		Taken factMoney = take(factUrls.rest(), MONEY, AnswerGuard::amount);
		if (!factMoney.values().containsAll(money.values())) {
			return reject("amount");
		}
		if (CURRENCY_WORD.matcher(money.rest()).find() && !CURRENCY_WORD.matcher(facts).find()) {
			return reject("amount");
		}
		Taken percents = take(money.rest(), PERCENT, m -> number(m.group(1)));
		Taken factPercents = take(factMoney.rest(), PERCENT, m -> number(m.group(1)));
		if (!factPercents.values().containsAll(percents.values()) || percents.rest().contains("%")) {
			return reject("percentage");
		}
		Taken phones = take(percents.rest(), PHONE, m -> phone(m.group()));
		Taken factPhones = take(factPercents.rest(), PHONE, m -> phone(m.group()));
		if (!factPhones.values().containsAll(phones.values())) {
			return reject("phone");
		}
		Taken numbers = take(phones.rest(), NUMBER, m -> number(m.group()));
		Set<String> factNumbers = take(factPhones.rest(), NUMBER, m -> number(m.group())).values();
		if (!factNumbers.containsAll(numbers.values())) {
			return reject("number");
		}
		for (int i = 0; i < words.size(); i++) {
			String digits = NUMBER_WORDS.get(words.get(i));
			if (digits != null && !plainFacts.contains(" " + words.get(i) + " ")
					&& !factNumbers.contains(digits)) {
				return reject("number");
			}
		}
		String plainAnswer = " " + String.join(" ", words) + " ";
		for (String term : grounding.elementTerms()) {
			String needle = " " + String.join(" ", words(term)) + " ";
			if (needle.isBlank()) {
				continue;
			}
			if (plainAnswer.contains(needle) && !plainFacts.contains(needle)) {
				return reject("element");
			}
		}
		return Verdict.PASSED;
	}

	private static Verdict reject(String reason) {
		return new Verdict(reason);
	}

	/** The values found by a pattern and the text with them blanked out. */
	private record Taken(Set<String> values, String rest) {
	}

	private static Taken take(String text, Pattern pattern, Function<Matcher, String> value) {
		Set<String> values = new HashSet<>();
		Matcher m = pattern.matcher(text);
		StringBuilder rest = new StringBuilder();
		while (m.find()) {
			String v = value.apply(m);
			if (!v.isEmpty()) {
				values.add(v);
			}
			m.appendReplacement(rest, " ");
		}
		m.appendTail(rest);
		return new Taken(values, rest.toString());
	}

	/** Host and path, without scheme, "www.", case or trailing punctuation. */
	private static String site(Matcher m) {
		String url = m.group().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
		return url.replaceAll("[).,;:!?»\"'/]+$", "");
	}

	/** An amount as a plain decimal: "1.234,56" and "1234.56" are the same; "175" and "175,00" too. */
	private static String amount(Matcher m) {
		String raw = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("\\s", "");
		String plain;
		if (raw.matches("\\d{1,3}(?:\\.\\d{3})+(?:,\\d{1,2})?")) {
			plain = raw.replace(".", "").replace(',', '.');
		}
		else {
			plain = raw.replace(',', '.');
		}
		return new BigDecimal(plain).stripTrailingZeros().toPlainString();
	}

	private static String number(String raw) {
		return new BigDecimal(raw.replace(',', '.')).stripTrailingZeros().toPlainString();
	}

	/** The national number: digits only, without the Spanish prefix. */
	private static String phone(String raw) {
		String digits = raw.replaceAll("\\D", "");
		return digits.length() == 11 && digits.startsWith("34") ? digits.substring(2) : digits;
	}

	private static List<String> words(String text) {
		String plain = normalise(text).replaceAll("[^a-z0-9ñ+&]+", " ").trim();
		return plain.isEmpty() ? List.of() : new ArrayList<>(List.of(plain.split(" ")));
	}

	static String normalise(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
	}

}
