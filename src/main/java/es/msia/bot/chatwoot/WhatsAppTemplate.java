package es.msia.bot.chatwoot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The approved WhatsApp template a business-initiated message falls back to outside the 24-hour window
 * (protocols.md C1): Chatwoot looks it up by {@code name} + {@code language} among the inbox's approved
 * templates and fills the body's {@code {{1}}, {{2}}...} with {@code bodyParams} in order.
 *
 * @param name template name as registered in Meta/Chatwoot
 * @param language its language code ({@code es}, {@code es_ES})
 * @param category {@code UTILITY} or {@code MARKETING}
 * @param bodyParams the values of {@code {{1}}...{{n}}}, in order
 * @param fallback the body with the values filled in: the message's {@code content} in Chatwoot
 */
public record WhatsAppTemplate(String name, String language, String category, List<String> bodyParams,
		String fallback) {

	public WhatsAppTemplate {
		bodyParams = bodyParams.stream().map(WhatsAppTemplate::param).toList();
		if (name.isBlank() || fallback.isBlank()) {
			throw new IllegalArgumentException("A template needs a name and a fallback text");
		}
	}

	/** The {@code template_params} object of the create-message body (protocols.md B2). */
	public Map<String, Object> templateParams() {
		Map<String, String> body = new LinkedHashMap<>();
		for (int i = 0; i < bodyParams.size(); i++) {
			body.put(String.valueOf(i + 1), bodyParams.get(i));
		}
		return Map.of("name", name, "category", category, "language", language, "processed_params",
				Map.of("body", body));
	}

	/**
	 * Meta refuses parameters that are empty or hold new lines, tabs or more than four spaces in a row:
	 * whitespace is folded and an empty value becomes a dash, so a template never fails for its layout.
	 */
	private static String param(String value) {
		String folded = value.replaceAll("\\s+", " ").strip();
		return folded.isEmpty() ? "-" : folded;
	}

}
