package es.msia.bot.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the stream id of each accepted message back to its row, many rows per statement. The mark only
 * tells {@link InboundMessages#appendUnstreamed()} that the XADD happened, so it need not hold up the
 * webhook's answer: at 500 messages a second one UPDATE every few milliseconds replaces 500 commits. A
 * mark lost with the process (or with a failed flush) costs a second stream entry for the message after
 * the sweep interval, which the agent acknowledges without a second reply.
 */
@Component
class StreamIdMarks {

	private static final Logger log = LoggerFactory.getLogger(StreamIdMarks.class);

	/** How long marks gather before they are written. */
	private static final long DELAY_MS = 20;

	private static final int MAX_PER_STATEMENT = 1000;

	private record Mark(long chatwootMessageId, String streamId) {
	}

	private final JdbcClient jdbc;

	private final ConcurrentLinkedQueue<Mark> pending = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "stream-id-marks");
		thread.setDaemon(true);
		return thread;
	});

	StreamIdMarks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(long chatwootMessageId, String streamId) {
		pending.add(new Mark(chatwootMessageId, streamId));
		if (scheduled.compareAndSet(false, true)) {
			flusher.schedule(this::flush, DELAY_MS, TimeUnit.MILLISECONDS);
		}
	}

	/** Writes every pending mark now. */
	void flush() {
		scheduled.set(false);
		List<Mark> batch = new ArrayList<>();
		for (Mark mark = pending.poll(); mark != null; mark = pending.poll()) {
			batch.add(mark);
			if (batch.size() == MAX_PER_STATEMENT) {
				write(batch);
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			write(batch);
		}
	}

	private void write(List<Mark> batch) {
		try {
			jdbc.sql("""
					UPDATE messages m SET stream_id = v.stream_id
					FROM unnest(CAST(:ids AS bigint[]), CAST(:streams AS text[])) AS v(chatwoot_message_id, stream_id)
					WHERE m.chatwoot_message_id = v.chatwoot_message_id""")
				.param("ids", batch.stream().map(Mark::chatwootMessageId).toArray(Long[]::new))
				.param("streams", batch.stream().map(Mark::streamId).toArray(String[]::new))
				.update();
		}
		catch (RuntimeException ex) {
			log.warn("Marking {} messages as streamed failed (the sweeper will append them again): {}", batch.size(),
					ex.getMessage());
		}
	}

	@PreDestroy
	void stop() {
		flusher.shutdown();
		flush();
	}

}
