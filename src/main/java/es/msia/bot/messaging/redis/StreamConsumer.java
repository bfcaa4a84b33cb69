package es.msia.bot.messaging.redis;

import es.msia.bot.shared.LogMasks;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import es.msia.bot.messaging.InboundMessage;
import es.msia.bot.messaging.InboundMessageHandler;
import es.msia.bot.messaging.InboundMessages;
import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.messaging.TurnTrace;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.stereotype.Component;

/**
 * The agent's side of {@code incoming_messages}: reads new entries through the consumer group, takes
 * over entries a dead agent left pending, and hands each to the {@link InboundMessageHandler} with its
 * conversation locked. Entries of one conversation run one after another; different conversations run
 * in parallel. An entry is acknowledged only after the handler returned, and dead-lettered after
 * {@code maxDeliveries} failed attempts.
 */
@Component
@ConditionalOnBooleanProperty("msia.role.agent")
public class StreamConsumer implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StreamConsumer.class);

	private final IncomingStream stream;

	private final ConversationLocks locks;

	private final InboundMessages inbound;

	private final InboundMessageHandler handler;

	private final MessagingSettings settings;

	private final ExecutorService executor;

	private final Bursts bursts;

	private final String consumerName;

	private final ConcurrentHashMap<Long, CompletableFuture<Void>> tails = new ConcurrentHashMap<>();

	private final Set<String> inFlightIds = ConcurrentHashMap.newKeySet();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final java.util.concurrent.atomic.AtomicLong turns = new java.util.concurrent.atomic.AtomicLong();

	private volatile boolean running;

	/** Bumped on every start, so a reader left over from before a stop() exits instead of doubling up. */
	private final AtomicInteger generation = new AtomicInteger();

	private volatile long lastReclaim;

	private Thread reader;

	/**
	 * Locks of the turns running here (conversation → owner token). A turn may outlast the lease (a slow
	 * LLM with retries); renewing every third of the lease keeps another agent from taking the conversation
	 * while the turn still runs, and a holder that died stops renewing, so its lock still lapses.
	 */
	private final ConcurrentHashMap<Long, String> held = new ConcurrentHashMap<>();

	private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "conversation-lock-renewal");
		thread.setDaemon(true);
		return thread;
	});

	private final MeterRegistry meters;

	StreamConsumer(IncomingStream stream, ConversationLocks locks, InboundMessages inbound,
			InboundMessageHandler handler, MessagingSettings settings, Bursts bursts, MeterRegistry meters) {
		this.meters = meters;
		this.bursts = bursts;
		this.stream = stream;
		this.locks = locks;
		this.inbound = inbound;
		this.handler = handler;
		this.settings = settings;
		this.executor = turnPool(settings.maxInFlight());
		this.consumerName = ManagementFactory.getRuntimeMXBean().getName() + "-" + UUID.randomUUID().toString().substring(0, 8);
		long period = Math.max(100, settings.lockLease().toMillis() / 3);
		renewer.scheduleAtFixedRate(this::renewHeldLocks, period, period, TimeUnit.MILLISECONDS);
	}

	private void renewHeldLocks() {
		held.forEach((conversation, token) -> {
			try {
				if (!locks.renew(conversation, token)) {
					held.remove(conversation, token);
					log.warn("Lock of conversation {} lapsed during a turn (Redis restarted or paused?); another agent "
							+ "may take it: replies stay exactly-once through the outbox keys", conversation);
				}
			}
			catch (RuntimeException ex) {
				// Redis unreachable: try again at the next period, the lease still runs.
				log.debug("Renewing the lock of conversation {} failed: {}", conversation, ex.toString());
			}
		});
	}

	/**
	 * One thread per turn in flight. A turn mostly waits (LLM, Chatwoot, PostgreSQL): with a 1.5 s LLM,
	 * 500 conversations only overlap if 500 turns can wait at once (64 shared threads capped them at ~40
	 * turns a second). On Java 21+ each turn gets a virtual thread; on Java 17 a pool of platform threads
	 * that go away after a minute idle. Reading stops at {@code maxInFlight} entries, so neither queues more.
	 */
	private static ExecutorService turnPool(int size) {
		ThreadFactory virtual = virtualThreads("turn-");
		if (virtual != null) {
			return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 0, TimeUnit.SECONDS, new SynchronousQueue<>(), virtual);
		}
		AtomicInteger number = new AtomicInteger();
		ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
				runnable -> {
					Thread thread = new Thread(runnable, "turn-" + number.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				});
		pool.allowCoreThreadTimeOut(true);
		return pool;
	}

	/** {@code Thread.ofVirtual().name(prefix, 1).factory()} when the JDK has it (21+); this code targets 17. */
	private static @Nullable ThreadFactory virtualThreads(String prefix) {
		if (Runtime.version().feature() < 21) {
			return null;
		}
		try {
			Class<?> builder = Class.forName("java.lang.Thread$Builder");
			Object named = builder.getMethod("name", String.class, long.class)
				.invoke(Thread.class.getMethod("ofVirtual").invoke(null), prefix, 1L);
			return (ThreadFactory) builder.getMethod("factory").invoke(named);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	@Override
	public void start() {
		stream.ensureGroup();
		running = true;
		int current = generation.incrementAndGet();
		reader = new Thread(() -> readLoop(current), "incoming-stream-reader");
		reader.setDaemon(true);
		reader.start();
		log.info("Agent consuming '{}' as '{}' in group '{}'", settings.stream(), consumerName, settings.group());
	}

	/**
	 * Stops reading and waits for the reader to leave its blocking read; handlers in flight finish. The
	 * reader is not interrupted: that would abandon an XREADGROUP still blocked in Redis, which would then
	 * swallow the next entry (it would be reclaimed, but only after {@code reclaimIdle}).
	 */
	@Override
	public void stop() {
		running = false;
		if (reader != null) {
			try {
				reader.join(settings.block().toMillis() + 2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** As Spring's own task executor does on close: turns still running are interrupted and retried later. */
	@PreDestroy
	void shutDownTurns() {
		executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Turns this consumer has handled since it started (for the panel and the scale-out checks). */
	public long turnsHandled() {
		return turns.get();
	}

	/** This consumer's name in the group (visible in XINFO CONSUMERS). */
	public String consumerName() {
		return consumerName;
	}

	private void readLoop(int myGeneration) {
		while (running && generation.get() == myGeneration) {
			try {
				if (System.currentTimeMillis() - lastReclaim >= settings.reclaimInterval().toMillis()) {
					lastReclaim = System.currentTimeMillis();
					stream.autoClaim(consumerName, settings.batchSize()).forEach(this::reclaimed);
				}
				int room = settings.maxInFlight() - inFlight.get();
				if (room <= 0) {
					Thread.sleep(20);
					continue;
				}
				var entries = stream.readNew(consumerName, Math.min(room, settings.batchSize()));
				if (running && generation.get() == myGeneration) {
					// Entries read while stopping stay pending and are reclaimed later: nothing is lost.
					entries.forEach(this::dispatch);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				if (running) {
					log.warn("Reading '{}' failed, retrying: {}", settings.stream(), ex.getMessage());
					recreateGroupIfLost(ex);
					pause();
				}
			}
		}
	}

	/**
	 * A Redis restarted without persistence (or flushed) has no stream and no group: XREADGROUP then fails
	 * with NOGROUP forever unless the group is created again. The entries the stream held are gone too:
	 * every message recorded in PostgreSQL and not answered yet is appended again, so nothing is lost.
	 */
	private void recreateGroupIfLost(RuntimeException ex) {
		String message = String.valueOf(ex.getMessage()) + " " + String.valueOf(ex.getCause());
		if (message.contains("NOGROUP")) {
			try {
				stream.ensureGroup();
				int appended = inbound.appendUnanswered();
				log.warn("Consumer group '{}' was gone (Redis restarted or flushed); recreated, {} unanswered messages "
						+ "appended again from PostgreSQL", settings.group(), appended);
			}
			catch (RuntimeException retry) {
				log.warn("Recreating consumer group '{}' failed: {}", settings.group(), retry.getMessage());
			}
		}
	}

	private void reclaimed(MapRecord<String, String, String> record) {
		String id = record.getId().getValue();
		if (inFlightIds.contains(id)) {
			return;
		}
		long failures = stream.failures(id);
		if (failures >= settings.maxDeliveries()) {
			log.error("Entry {} failed {} times; moved to {}", id, failures, settings.deadLetterStream());
			stream.deadLetter(record, "failed " + failures + " times");
			return;
		}
		log.info("Reclaimed entry {} (delivery {}, {} failures)", id, stream.deliveries(id), failures);
		dispatch(record);
	}

	private void dispatch(MapRecord<String, String, String> record) {
		String id = record.getId().getValue();
		InboundMessage message;
		try {
			message = stream.decode(record.getValue());
		}
		catch (RuntimeException ex) {
			stream.deadLetter(record, "undecodable: " + ex.getMessage());
			return;
		}
		if (!inFlightIds.add(id)) {
			return;
		}
		inFlight.incrementAndGet();
		long conversation = message.conversationId();
		CompletableFuture<Void> next = tails.compute(conversation,
				(key, tail) -> (tail == null ? CompletableFuture.<Void>completedFuture(null) : tail)
					.handleAsync((r, e) -> {
						process(id, message);
						return null;
					}, executor));
		next.whenComplete((r, e) -> tails.remove(conversation, next));
	}

	private void process(String id, InboundMessage message) {
		try {
			Optional<String> token = locks.acquire(message.conversationId());
			if (token.isEmpty()) {
				log.info("Conversation {} busy elsewhere; entry {} will be retried", message.conversationId(), id);
				return;
			}
			held.put(message.conversationId(), token.get());
			try {
				if (!inbound.isProcessed(message.messageId())) {
					Bursts.Burst burst = bursts.collect(message);
					// One trace id per turn: in every log line of the turn (MDC) and stored with its messages,
					// so the panel's conversation view leads to the turn's logs.
					String traceId = TurnTrace.newId();
					MDC.put(TurnTrace.MDC_TRACE, traceId);
					MDC.put(TurnTrace.MDC_CONVERSATION, Long.toString(message.conversationId()));
					Timer.Sample sample = Timer.start(meters);
					String outcome = "error";
					try {
						handler.handle(burst.turn());
						outcome = "ok";
					}
					finally {
						long nanos = sample.stop(meters.timer("msia.turn.duration", "outcome", outcome));
						log.info("Turn of conversation {} ({} message(s)) {} in {} ms", message.conversationId(),
								burst.messageIds().size(), outcome, TimeUnit.NANOSECONDS.toMillis(nanos));
					}
					turns.incrementAndGet();
					burst.messageIds().forEach(messageId -> inbound.markProcessed(messageId, traceId));
				}
				stream.ack(id);
			}
			finally {
				held.remove(message.conversationId(), token.get());
				locks.release(message.conversationId(), token.get());
				MDC.remove(TurnTrace.MDC_TRACE);
				MDC.remove(TurnTrace.MDC_CONVERSATION);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			long failures = stream.recordFailure(id);
			log.warn("Handling entry {} of conversation {} failed ({} so far); it will be retried: {}", id,
					message.conversationId(), failures, LogMasks.text(ex));
		}
		finally {
			inFlightIds.remove(id);
			inFlight.decrementAndGet();
		}
	}

	private static void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
