package es.msia.bot.cases;

import org.jspecify.annotations.Nullable;

/**
 * A file the customer sent through Chatwoot, not yet downloaded.
 *
 * @param attachmentId Chatwoot's attachment id (deduplication key)
 * @param dataUrl where Chatwoot serves it
 * @param fileType Chatwoot's declared type ({@code image}, {@code file}...); the stored type comes from the
 * file's magic bytes
 */
public record IncomingFile(long attachmentId, @Nullable String dataUrl, String fileType) {
}
