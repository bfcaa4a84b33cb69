package es.msia.bot.shared;

import java.time.Instant;

/**
 * Something that went wrong recently, as the Sistema page lists it: when, which part ({@code source}, a message
 * key suffix such as {@code chatwoot} or {@code llm}) and a short technical reason with personal data masked.
 */
public record RecentFailure(Instant at, String source, String reason) {

	private static final int MAX_REASON = 160;

	/** Masks phone numbers and e-mail addresses in {@code reason} and cuts it short. */
	public static RecentFailure of(Instant at, String source, String reason) {
		String masked = LogMasks.text(reason);
		return new RecentFailure(at, source, masked.length() > MAX_REASON ? masked.substring(0, MAX_REASON) + "…" : masked);
	}

}
