package es.msia.bot.notifications;

import java.util.Locale;

/** Why MSI writes to the customer on its own; one registry entry and one message per case each. */
public enum NoticePurpose {

	FILE_REJECTED, CASE_IN_REVIEW, DOCUMENTATION_COMPLETE, PROJECT_SENT, PROJECT_APPROVED, READY_FOR_ITV,
	CASE_RESOLVED, CASE_CANCELLED, REMINDER;

	/** The spelling in the database, keys and URLs ({@code file_rejected}). */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static NoticePurpose fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

}
