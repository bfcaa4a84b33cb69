package es.msia.bot.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A file the customer sent, as Chatwoot describes it. {@code dataUrl} redirects to the stored file.
 *
 * @param fileType Chatwoot's type: image, audio, video, file, location, ...
 */
public record InboundAttachment(long id, String fileType, @Nullable String dataUrl, @Nullable Long fileSize) {
}
