package es.msia.bot.conversation.state;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

/**
 * A file sent with the turn, as Chatwoot describes it (checkpointed with the turn).
 *
 * @param id Chatwoot attachment id
 * @param fileType Chatwoot's declared type
 * @param dataUrl where Chatwoot serves the file
 */
public record TurnAttachment(long id, String fileType, @Nullable String dataUrl) implements Serializable {
}
