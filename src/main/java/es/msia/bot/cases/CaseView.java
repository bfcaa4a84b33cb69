package es.msia.bot.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Read model of a case for staff and other modules.
 *
 * @param id row id
 * @param reference human reference, {@code MSI-<year>-<6 digits>}
 * @param conversationId Chatwoot conversation
 * @param customerId customer row
 * @param status current status
 * @param category catalogue category slug
 * @param tierCode quoted tier
 * @param tierPrice tier price excluding VAT
 * @param subtotal quoted subtotal excluding VAT
 * @param catalogVersion catalogue version of the quote
 * @param items collected item data: item code to field values
 * @param personal personal data
 * @param vehicle vehicle data
 * @param workshopMode {@code msi}, {@code own} or {@code null}
 * @param workshop own-workshop data
 * @param files stored files
 * @param timeline events, oldest first
 * @param openedAt when it was opened
 * @param submittedAt when the customer confirmed it
 */
public record CaseView(long id, String reference, long conversationId, @Nullable Long customerId, CaseStatus status,
		String category, String tierCode, BigDecimal tierPrice, BigDecimal subtotal, String catalogVersion,
		Map<String, Map<String, String>> items, Map<String, String> personal, Map<String, String> vehicle,
		@Nullable String workshopMode, Map<String, String> workshop, List<FileView> files, List<EventView> timeline,
		Instant openedAt, @Nullable Instant submittedAt) {

	/**
	 * A stored photo or document and what it shows.
	 *
	 * @param qualityIssue what the photo quality gate found ({@code too_small}, {@code too_dark},
	 * {@code too_bright}, {@code blurred}), or {@code null}
	 * @param qualityMeasures the numbers the gate measured on a flagged photo, for staff
	 * @param counted whether the file counts for its step; a flagged photo does not until staff accept it or
	 * the customer's retries run out
	 */
	public record FileView(long id, String sha256, String mediaType, long sizeBytes, String slot, String shows,
			String reviewStatus, @Nullable String reviewReason, Instant createdAt, @Nullable String qualityIssue,
			@Nullable String qualityMeasures, boolean counted) {

		/** A flagged photo that does not count yet: staff may accept it. */
		public boolean awaitsAcceptance() {
			return qualityIssue != null && !counted;
		}

	}

	/** One timeline entry. */
	public record EventView(String type, @Nullable String detail, String actor, Instant at) {
	}

}
