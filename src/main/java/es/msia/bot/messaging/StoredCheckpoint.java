package es.msia.bot.messaging;

import java.util.Objects;

/**
 * One serialized checkpoint as {@link CheckpointStore} keeps it. The payload is opaque to messaging.
 *
 * @param id the checkpoint id, unique within its thread
 * @param payload the serialized checkpoint; not copied, so callers must not modify it
 */
public record StoredCheckpoint(String id, byte[] payload) {

	public StoredCheckpoint {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(payload, "payload");
	}

}
