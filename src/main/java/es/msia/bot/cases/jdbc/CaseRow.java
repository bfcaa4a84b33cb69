package es.msia.bot.cases.jdbc;

import java.math.BigDecimal;
import java.time.Instant;

import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.domain.CaseData;
import org.jspecify.annotations.Nullable;

/** One {@code cases} row with its data document read. */
public record CaseRow(long id, String reference, long conversationId, @Nullable Long customerId, CaseStatus status,
		String category, String tierCode, BigDecimal tierPrice, BigDecimal subtotal, String catalogVersion, CaseData data,
		@Nullable Long lastMessageId, @Nullable String lastReply, Instant openedAt, @Nullable Instant submittedAt) {
}
