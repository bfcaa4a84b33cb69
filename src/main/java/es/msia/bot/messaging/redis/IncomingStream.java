package es.msia.bot.messaging.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.MessagingSettings;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.lettuce.core.models.stream.ClaimedMessages;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.api.async.RedisStreamAsyncCommands;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.Limit;
import org.springframework.data.redis.connection.RedisStreamCommands.XAddOptions;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessages;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code incoming_messages} stream: one entry per customer message, its JSON under {@code payload}.
 */
@Component
public class IncomingStream {

	static final String PAYLOAD = "payload";

	private final StringRedisTemplate redis;

	private final MessagingSettings settings;

	private final JsonMapper json;

	IncomingStream(StringRedisTemplate redis, MessagingSettings settings, JsonMapper json) {
		this.redis = redis;
		this.settings = settings;
		this.json = json;
	}

	/** XADD with approximate MAXLEN of a message already serialized as JSON; returns the entry id. */
	public String append(long conversationId, String payload) {
		MapRecord<String, String, String> record = StreamRecords.newRecord()
			.in(settings.stream())
			.ofMap(Map.of(PAYLOAD, payload, "conversation", Long.toString(conversationId)));
		RecordId id = redis.opsForStream()
			.add(record, XAddOptions.maxlen(settings.maxLength()).approximateTrimming(true));
		return id.getValue();
	}

	InboundMessage decode(Map<String, String> fields) {
		return json.readValue(fields.get(PAYLOAD), InboundMessage.class);
	}

	/** Creates the consumer group (and the stream) if missing. */
	void ensureGroup() {
		try {
			redis.execute((RedisCallback<Object>) connection -> connection.execute("XGROUP",
					bytes("CREATE"), bytes(settings.stream()), bytes(settings.group()), bytes("0"), bytes("MKSTREAM")));
		}
		catch (RedisSystemException ex) {
			if (ex.getMessage() == null || !ex.getMostSpecificCause().getMessage().contains("BUSYGROUP")) {
				throw ex;
			}
		}
	}

	List<MapRecord<String, String, String>> readNew(String consumer, int count) {
		List<MapRecord<String, Object, Object>> records = redis.opsForStream()
			.read(Consumer.from(settings.group(), consumer),
					StreamReadOptions.empty().count(count).block(settings.block()),
					StreamOffset.create(settings.stream(), ReadOffset.lastConsumed()));
		return records == null ? List.of() : records.stream().map(IncomingStream::asStrings).toList();
	}

	/** Acknowledges the entry and forgets its failures, in one round trip (pipelined). */
	void ack(String id) {
		byte[] stream = settings.stream().getBytes(StandardCharsets.UTF_8);
		byte[] failures = failuresKey().getBytes(StandardCharsets.UTF_8);
		redis.executePipelined((RedisCallback<Object>) connection -> {
			connection.streamCommands().xAck(stream, settings.group(), RecordId.of(id));
			connection.hashCommands().hDel(failures, id.getBytes(StandardCharsets.UTF_8));
			return null;
		});
	}

	/**
	 * Counts a real failure of the handler. Redis's own delivery count also grows with every reclaim, so
	 * an entry that only waited for another agent's lock would look like a poison message.
	 */
	long recordFailure(String id) {
		return redis.opsForHash().increment(failuresKey(), id, 1);
	}

	long failures(String id) {
		Object value = redis.opsForHash().get(failuresKey(), id);
		return value == null ? 0 : Long.parseLong(value.toString());
	}

	private String failuresKey() {
		return settings.stream() + ":failures";
	}

	/**
	 * XAUTOCLAIM: takes over entries idle longer than {@code reclaimIdle}, whoever held them. Spring Data
	 * Redis has no API for it, so this goes through Lettuce's own command interface.
	 */
	@SuppressWarnings("unchecked")
	List<MapRecord<String, String, String>> autoClaim(String consumer, int count) {
		ClaimedMessages<byte[], byte[]> claimed = redis.execute((RedisCallback<ClaimedMessages<byte[], byte[]>>) connection -> {
			var commands = (RedisStreamAsyncCommands<byte[], byte[]>) connection.getNativeConnection();
			XAutoClaimArgs<byte[]> args = XAutoClaimArgs.Builder
				.xautoclaim(io.lettuce.core.Consumer.from(bytes(settings.group()), bytes(consumer)),
						settings.reclaimIdle(), "0-0")
				.count(count);
			try {
				return commands.xautoclaim(bytes(settings.stream()), args).get(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return null;
			}
			catch (ExecutionException | TimeoutException ex) {
				throw new IllegalStateException("XAUTOCLAIM failed: " + ex.getMessage(), ex);
			}
		});
		if (claimed == null) {
			return List.of();
		}
		List<MapRecord<String, String, String>> records = new ArrayList<>();
		for (StreamMessage<byte[], byte[]> message : claimed.getMessages()) {
			Map<String, String> fields = new java.util.LinkedHashMap<>();
			message.getBody().forEach((k, v) -> fields.put(text(k), text(v)));
			records.add(StreamRecords.newRecord().in(settings.stream()).withId(message.getId()).ofMap(fields));
		}
		return records;
	}

	/** How many times the entry has been delivered (XPENDING), 0 if it is no longer pending. */
	long deliveries(String id) {
		PendingMessages pending = redis.opsForStream()
			.pending(settings.stream(), settings.group(), Range.closed(id, id), 1L);
		return pending == null || pending.isEmpty() ? 0 : pending.get(0).getTotalDeliveryCount();
	}

	/** Moves an entry that keeps failing to the dead-letter stream and acknowledges it. */
	void deadLetter(MapRecord<String, String, String> record, String reason) {
		redis.opsForStream()
			.add(StreamRecords.newRecord()
				.in(settings.deadLetterStream())
				.ofMap(Map.of("original_id", record.getId().getValue(), PAYLOAD,
						record.getValue().getOrDefault(PAYLOAD, ""), "reason", reason)));
		ack(record.getId().getValue());
	}


	/** Entries in the dead-letter stream, newest first (for the panel). */
	public List<Map<String, String>> deadLetters(int count) {
		return redis.opsForStream()
			.reverseRange(settings.deadLetterStream(), Range.unbounded(), Limit.limit().count(count))
			.stream()
			.map(record -> asStrings(record).getValue())
			.toList();
	}

	/** Dead-letter entries with their own ids, newest first. */
	public List<MapRecord<String, String, String>> deadLetterRecords(int count) {
		return redis.opsForStream()
			.reverseRange(settings.deadLetterStream(), Range.unbounded(), Limit.limit().count(count))
			.stream()
			.map(IncomingStream::asStrings)
			.toList();
	}

	/**
	 * Puts a dead letter back on the incoming stream as a new entry, then removes it from the dead-letter
	 * stream and forgets the failures counted for its original entry, so it gets the full number of
	 * attempts again. Appending before deleting means a crash in between repeats the retry rather than
	 * losing the message (the agent skips messages it has already processed).
	 * @return the new entry id, or empty when no such dead letter exists
	 */
	public java.util.Optional<String> retryDeadLetter(String deadLetterId) {
		List<MapRecord<String, Object, Object>> found = redis.opsForStream()
			.range(settings.deadLetterStream(), Range.closed(deadLetterId, deadLetterId));
		if (found == null || found.isEmpty()) {
			return java.util.Optional.empty();
		}
		Map<String, String> dead = asStrings(found.get(0)).getValue();
		String payload = dead.getOrDefault(PAYLOAD, "");
		Map<String, String> fields = new java.util.LinkedHashMap<>();
		fields.put(PAYLOAD, payload);
		try {
			fields.put("conversation", Long.toString(decode(Map.of(PAYLOAD, payload)).conversationId()));
		}
		catch (RuntimeException ex) {
			// Undecodable: it goes back as it was and the consumer dead-letters it again with the reason.
		}
		RecordId id = redis.opsForStream()
			.add(StreamRecords.newRecord().in(settings.stream()).ofMap(fields),
					XAddOptions.maxlen(settings.maxLength()).approximateTrimming(true));
		redis.opsForStream().delete(settings.deadLetterStream(), deadLetterId);
		String original = dead.get("original_id");
		if (original != null) {
			redis.opsForHash().delete(failuresKey(), original);
		}
		return java.util.Optional.of(id.getValue());
	}

	/**
	 * GDPR erasure: deletes the conversations' entries from the stream and the dead-letter stream (their
	 * payloads carry the customer's words). Scans both, a page at a time; they are capped, so this is bounded.
	 *
	 * @return how many entries were deleted
	 */
	public int forget(java.util.Set<Long> conversationIds) {
		if (conversationIds.isEmpty()) {
			return 0;
		}
		int deleted = forget(settings.stream(), fields -> {
			String conversation = fields.get("conversation");
			return conversation != null && conversationIds.contains(Long.valueOf(conversation));
		});
		deleted += forget(settings.deadLetterStream(), fields -> {
			try {
				return conversationIds.contains(decode(fields).conversationId());
			}
			catch (RuntimeException unreadable) {
				return false;
			}
		});
		return deleted;
	}

	private int forget(String stream, java.util.function.Predicate<Map<String, String>> matches) {
		int deleted = 0;
		Range<String> page = Range.unbounded();
		while (true) {
			List<MapRecord<String, Object, Object>> records = redis.opsForStream()
				.range(stream, page, Limit.limit().count(500));
			if (records == null || records.isEmpty()) {
				return deleted;
			}
			List<String> ids = new ArrayList<>();
			for (MapRecord<String, Object, Object> record : records) {
				if (matches.test(asStrings(record).getValue())) {
					ids.add(record.getId().getValue());
				}
			}
			if (!ids.isEmpty()) {
				String[] array = ids.toArray(String[]::new);
				if (stream.equals(settings.stream())) {
					try {
						redis.opsForStream().acknowledge(stream, settings.group(), array);
					}
					catch (RuntimeException noGroupYet) {
						// Nothing was ever read from the stream, so nothing is pending either.
					}
				}
				Long removed = redis.opsForStream().delete(stream, array);
				deleted += removed == null ? 0 : removed.intValue();
			}
			String last = records.get(records.size() - 1).getId().getValue();
			page = Range.of(Range.Bound.exclusive(last), Range.Bound.unbounded());
		}
	}

	private static MapRecord<String, String, String> asStrings(MapRecord<String, Object, Object> record) {
		Map<String, String> values = new java.util.LinkedHashMap<>();
		record.getValue().forEach((k, v) -> values.put(String.valueOf(k), String.valueOf(v)));
		return StreamRecords.newRecord().in(record.getStream()).withId(record.getId()).ofMap(values);
	}

	private static String text(Object value) {
		return value instanceof byte[] raw ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
