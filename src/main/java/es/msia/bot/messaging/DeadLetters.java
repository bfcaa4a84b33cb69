package es.msia.bot.messaging;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.messaging.redis.IncomingStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Incoming messages the agents gave up on (the dead-letter stream next to {@code incoming_messages}),
 * for the panel: list them, and retry one once the cause is fixed.
 */
@Service
public class DeadLetters {

	/**
	 * One dead letter.
	 *
	 * @param id its id in the dead-letter stream (what {@link #retry} takes)
	 * @param originalId the id it had in {@code incoming_messages}
	 * @param reason why it was given up
	 * @param payload the message as JSON
	 */
	public record DeadLetter(String id, @Nullable String originalId, @Nullable String reason, @Nullable String payload) {
	}

	private final IncomingStream stream;

	DeadLetters(IncomingStream stream) {
		this.stream = stream;
	}

	/** The newest dead letters first. */
	public List<DeadLetter> newest(int count) {
		return stream.deadLetterRecords(count).stream().map(r -> {
			Map<String, String> v = r.getValue();
			return new DeadLetter(r.getId().getValue(), v.get("original_id"), v.get("reason"), v.get("payload"));
		}).toList();
	}

	/**
	 * Appends the dead letter to {@code incoming_messages} again (with a fresh failure count) and removes it
	 * from the dead letters.
	 * @return the new stream entry id, or empty when there is no such dead letter (already retried)
	 */
	public Optional<String> retry(String id) {
		return stream.retryDeadLetter(id);
	}

}
