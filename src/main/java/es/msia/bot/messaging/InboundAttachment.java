package es.msia.bot.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A file the customer sent, as Chatwoot describes it. {@code dataUrl} redirects to the stored file.
 *
 * @param fileType Chatwoot's type: image, audio, video, file, location, ...
 * @param transcribedText Chatwoot's transcription of a voice note, when it made one
 */
public record InboundAttachment(long id, String fileType, @Nullable String dataUrl, @Nullable Long fileSize,
		@Nullable String transcribedText) {
}
