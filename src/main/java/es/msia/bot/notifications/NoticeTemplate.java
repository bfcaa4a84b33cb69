package es.msia.bot.notifications;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import es.msia.bot.chatwoot.WhatsAppTemplate;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the template registry: for a purpose, the WhatsApp template as registered (name, language,
 * category, body with {@code {{n}}}) and what fills each parameter, the purpose's status text, the plain
 * text used inside the 24-hour window and the on/off switch. Validated as WhatsApp would: a body whose
 * numbered parameters do not match the sources would be refused only when it is first needed.
 *
 * @param windowText inside the window; placeholders {@code {nombre} {expediente} {elemento} {motivo}
 * {estado} {archivo} {pregunta}}
 */
public record NoticeTemplate(NoticePurpose purpose, boolean enabled, String templateName, String language,
		String category, List<ParamSource> bodyParams, String templateBody, String statusText, String windowText,
		@Nullable String updatedBy, @Nullable Instant updatedAt) {

	/** WhatsApp's template categories a business notice can use (authentication is for codes). */
	public static final List<String> CATEGORIES = List.of("UTILITY", "MARKETING");

	private static final Pattern NUMBERED = Pattern.compile("\\{\\{(\\d+)}}");

	private static final int MAX_BODY = 1024;

	private static final int MAX_TEXT = 4096;

	public NoticeTemplate {
		templateName = templateName.strip();
		language = language.strip();
		category = category.strip().toUpperCase(java.util.Locale.ROOT);
		templateBody = templateBody.strip();
		statusText = statusText.strip();
		windowText = windowText.strip();
		bodyParams = List.copyOf(bodyParams);
		check(templateName.matches("[a-z0-9_]{1,512}"), "notices.invalid.name");
		check(language.matches("[a-z]{2,3}(_[A-Z]{2})?"), "notices.invalid.language");
		check(CATEGORIES.contains(category), "notices.invalid.category");
		check(!templateBody.isEmpty() && templateBody.length() <= MAX_BODY, "notices.invalid.body");
		check(numbers(templateBody).equals(IntStream.rangeClosed(1, bodyParams.size()).boxed()
			.collect(Collectors.toCollection(TreeSet::new))), "notices.invalid.params");
		check(!windowText.isEmpty() && windowText.length() <= MAX_TEXT && statusText.length() <= MAX_BODY,
				"notices.invalid.text");
	}

	/** The parameter sources as staff type them ({@code customer_name,case_reference}). */
	public String bodyParamCodes() {
		return ParamSource.codes(bodyParams);
	}

	/** The plain text for inside the window. */
	String windowText(NoticeFacts facts) {
		return windowText.replace("{nombre}", facts.customerName())
			.replace("{expediente}", facts.reference())
			.replace("{elemento}", facts.item())
			.replace("{motivo}", facts.reason())
			.replace("{estado}", statusText)
			.replace("{archivo}", facts.fileKind())
			.replace("{pregunta}", facts.nextQuestion())
			.strip();
	}

	/** The template with its parameters filled from the facts, and the filled body as fallback content. */
	WhatsAppTemplate whatsApp(NoticeFacts facts) {
		List<String> values = bodyParams.stream().map(source -> value(source, facts)).toList();
		WhatsAppTemplate template = new WhatsAppTemplate(templateName, language, category, values, "-");
		Matcher numbered = NUMBERED.matcher(templateBody);
		String fallback = numbered.replaceAll(m -> Matcher
			.quoteReplacement(template.bodyParams().get(Integer.parseInt(m.group(1)) - 1)));
		return new WhatsAppTemplate(templateName, language, category, template.bodyParams(), fallback);
	}

	private String value(ParamSource source, NoticeFacts facts) {
		return switch (source) {
			case CUSTOMER_NAME -> facts.customerName();
			case CASE_REFERENCE -> facts.reference();
			case ITEM -> facts.item();
			case REASON -> facts.reason();
			case STATUS_TEXT -> statusText;
		};
	}

	private static Set<Integer> numbers(String body) {
		Set<Integer> numbers = new TreeSet<>();
		Matcher m = NUMBERED.matcher(body);
		while (m.find()) {
			numbers.add(Integer.parseInt(m.group(1)));
		}
		return numbers;
	}

	private static void check(boolean ok, String messageKey) {
		if (!ok) {
			throw new InvalidNoticeTemplate(messageKey);
		}
	}

}
