package es.msia.bot.cases;

import java.util.Locale;

/** Where a case stands. Only {@code Case} moves it, through guarded transitions. */
public enum CaseStatus {

	/** The bot is collecting data and files in the chat. */
	COLLECTING,

	/** Complete and confirmed by the customer; waiting for staff. */
	PENDING_REVIEW,

	/** Staff are working on it. */
	IN_PROGRESS,

	/** Done. */
	RESOLVED,

	/** The customer or staff cancelled it. */
	CANCELLED,

	/** The customer stopped answering. */
	ABANDONED;

	/** The database spelling ({@code pending_review}). */
	public String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CaseStatus fromCode(String code) {
		return valueOf(code.toUpperCase(Locale.ROOT));
	}

	/** Whether the case still blocks a new one for the same customer. */
	public boolean isOpen() {
		return this == COLLECTING || this == PENDING_REVIEW || this == IN_PROGRESS;
	}

}
