package es.msia.bot.notifications;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** What fills a numbered parameter ({@code {{1}}, {{2}}...}) of a template's body. */
public enum ParamSource {

	/** The applicant's name from the case, else the customer's name in Chatwoot. */
	CUSTOMER_NAME,

	/** The case reference ({@code MSI-2026-000123}). */
	CASE_REFERENCE,

	/** What a rejected file shows ({@code Soportes de portamotos}). */
	ITEM,

	/** Staff's reason for rejecting a file. */
	REASON,

	/** The purpose's status text from the registry. */
	STATUS_TEXT;

	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Parses {@code "customer_name, case_reference"}; {@link InvalidNoticeTemplate} for an unknown source. */
	public static List<ParamSource> parseList(String codes) {
		return Arrays.stream(codes.split(",")).map(String::strip).filter(c -> !c.isEmpty()).map(c -> {
			try {
				return valueOf(c.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidNoticeTemplate("notices.invalid.params");
			}
		}).toList();
	}

	public static String codes(List<ParamSource> sources) {
		return String.join(",", sources.stream().map(ParamSource::code).toList());
	}

}
