package es.msia.bot.messaging;

import java.time.Instant;
import java.util.List;

import es.msia.bot.shared.PhoneNumber;
import org.jspecify.annotations.Nullable;

/**
 * A customer message as the agent sees it: what Chatwoot delivered, normalised and recorded.
 *
 * @param messageId Chatwoot's message id (unique across the installation), the dedupe key
 * @param conversationId Chatwoot's conversation display id, the thread id of the conversation graph
 * @param customerId our customer id
 * @param conversationStatus Chatwoot's status when the webhook was built (pending = bot's turn)
 * @param canReply Chatwoot's {@code can_reply}: false outside WhatsApp's 24-hour window; null when not said
 */
public record InboundMessage(long messageId, long conversationId, long customerId, PhoneNumber phone,
		@Nullable String senderName, @Nullable String content, List<InboundAttachment> attachments,
		@Nullable String conversationStatus, long accountId, long inboxId, Instant receivedAt,
		@Nullable Boolean canReply) {

	public InboundMessage {
		attachments = List.copyOf(attachments);
	}

	/**
	 * The text; for a voice note without caption, Chatwoot's transcription when there is one; else an
	 * empty string.
	 */
	public String text() {
		if (content != null && !content.isBlank()) {
			return content;
		}
		return attachments.stream()
			.filter(a -> "audio".equals(a.fileType()) && a.transcribedText() != null && !a.transcribedText().isBlank())
			.map(InboundAttachment::transcribedText)
			.findFirst()
			.orElse("");
	}

}
