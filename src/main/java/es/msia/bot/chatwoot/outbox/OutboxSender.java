package es.msia.bot.chatwoot.outbox;

import es.msia.bot.shared.LogMasks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import es.msia.bot.chatwoot.ChatwootClient;
import es.msia.bot.chatwoot.ChatwootClient.Failed;
import es.msia.bot.chatwoot.ChatwootClient.Read;
import es.msia.bot.chatwoot.ChatwootClient.Result;
import es.msia.bot.chatwoot.ChatwootClient.Retryable;
import es.msia.bot.chatwoot.ChatwootClient.Sent;
import es.msia.bot.chatwoot.ChatwootSettings;
import es.msia.bot.chatwoot.DeliveryGate;
import es.msia.bot.chatwoot.ReplyDelivered;
import es.msia.bot.chatwoot.WhatsAppTemplate;
import es.msia.bot.shared.SimulatedConversations;
import es.msia.bot.chatwoot.outbox.OutboxRows.Claimed;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox to Chatwoot: the oldest undelivered reply of each conversation, conversations in
 * parallel, retrying with exponential backoff and jitter (or Chatwoot's Retry-After). A reply is
 * marked before the event is published, so a crash can at worst repeat the HTTP call of the one reply
 * in flight, never the others.
 */
@Component
@ConditionalOnBooleanProperty("msia.role.agent")
public class OutboxSender implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private static final int BATCH = 32;

	/** Prefix of a retry reason while it is unknown whether Chatwoot has the reply (see {@link OutboxRows}). */
	static final String UNCONFIRMED = "unconfirmed: ";

	private final OutboxRows rows;

	private final ChatwootClient client;

	private final ChatwootSettings settings;

	private final ApplicationEventPublisher events;

	private final Executor executor;

	private final List<DeliveryGate> gates;

	private final Semaphore wakeUp = new Semaphore(0);

	private final MeterRegistry meters;

	/**
	 * Replies Chatwoot accepted whose row could not be marked sent (PostgreSQL unreachable at that moment):
	 * outbox id → Chatwoot message id. Recorded before anything is claimed again, so the row's lease never
	 * expires into a second send while this process lives.
	 */
	private final Map<Long, Long> sentUnrecorded = new ConcurrentHashMap<>();

	private volatile boolean running;

	private Thread loop;

	OutboxSender(OutboxRows rows, ChatwootClient client, ChatwootSettings settings, ApplicationEventPublisher events,
			@Qualifier("applicationTaskExecutor") Executor executor, List<DeliveryGate> gates, MeterRegistry meters) {
		this.meters = meters;
		this.rows = rows;
		this.client = client;
		this.settings = settings;
		this.events = events;
		this.executor = executor;
		this.gates = gates;
	}

	/** Asks for a delivery round now instead of at the next poll (called after a reply is committed). */
	public void wakeUp() {
		wakeUp.release();
	}

	@Override
	public void start() {
		running = true;
		loop = new Thread(this::run, "outbox-sender");
		loop.setDaemon(true);
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		if (loop != null) {
			loop.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				int delivered = deliverDue();
				if (delivered < BATCH) {
					wakeUp.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
					wakeUp.drainPermits();
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Outbox round failed: {}", LogMasks.text(ex.getMessage()));
				sleepQuietly(1000);
			}
		}
	}

	/** One round: claims due replies and delivers them. Returns how many were claimed. */
	int deliverDue() {
		sentUnrecorded.forEach((id, chatwootMessageId) -> {
			rows.markSent(id, chatwootMessageId == 0 ? null : chatwootMessageId);
			sentUnrecorded.remove(id);
		});
		List<Claimed> claimed = rows.claimDue(BATCH, settings.lease());
		CompletableFuture.allOf(claimed.stream()
			.map(reply -> CompletableFuture.runAsync(() -> deliver(reply), executor))
			.toArray(CompletableFuture[]::new)).join();
		return claimed.size();
	}

	private void deliver(Claimed reply) {
		if (!reply.privateNote() && !mayDeliver(reply)) {
			log.info("Reply {} to conversation {} dropped: a person owns the conversation now", reply.id(),
					reply.conversationId());
			rows.markDropped(reply.id(), "owner changed before delivery");
			return;
		}
		boolean outsideWindow = reply.notAfter() != null && Instant.now().isAfter(reply.notAfter());
		if (outsideWindow && reply.template() == null) {
			log.warn("Reply {} to conversation {} blocked: outside WhatsApp's 24-hour window", reply.id(),
					reply.conversationId());
			rows.markBlocked(reply.id());
			return;
		}
		if (!client.configured() || SimulatedConversations.isSimulated(reply.conversationId())) {
			// The panel's simulator and installs without Chatwoot: the reply is kept and shown, not sent.
			rows.markKept(reply.id());
			publish(reply, reply.content(), null, true);
			return;
		}
		// A business-initiated message goes as its template once the window is closed, or when no customer
		// message (hence no window) is known: free text would only come back failed (protocols.md C1).
		WhatsAppTemplate template = reply.template() != null && (outsideWindow || reply.notAfter() == null)
				? reply.template() : null;
		String content = template != null ? template.fallback() : reply.content();
		String sentAs = reply.template() == null ? null : template != null ? "template" : "text";
		if (reply.uncertain() && reply.attachment() == null && settledByLooking(reply, content, sentAs)) {
			return;
		}
		Result result = template != null ? client.sendTemplate(reply.conversationId(), template)
				: reply.attachment() == null ? client.sendMessage(reply.conversationId(), content, reply.privateNote())
				: sendFile(reply);
		if (result instanceof Sent sent) {
			try {
				rows.markSent(reply.id(), sent.messageId(), sentAs);
			}
			catch (RuntimeException ex) {
				sentUnrecorded.put(reply.id(), sent.messageId() == null ? 0L : sent.messageId());
				throw ex;
			}
			publish(reply, content, sent.messageId(), false);
		}
		else if (result instanceof Retryable retry) {
			retryOrFail(reply, retry);
		}
		else if (result instanceof Failed failed) {
			fail(reply, failed.reason());
		}
	}

	/**
	 * A retry after an attempt whose answer never came (a read timeout, or a crash between Chatwoot's 200
	 * and our mark) looks for the reply in the conversation first. Found: Chatwoot has it, so it is marked,
	 * not sent again. Chatwoot cannot tell yet (429, 5xx, timeout): sending could duplicate it, so it waits
	 * and stays uncertain ("unconfirmed"). Not there, or not readable at all (a bot token without a user
	 * token gets 401): it is sent.
	 *
	 * @return true when the look settled the reply for this round
	 */
	private boolean settledByLooking(Claimed reply, String content, @Nullable String sentAs) {
		Read<Optional<Long>> found = client.findOutgoing(reply.conversationId(), content, reply.privateNote(),
				reply.createdAt());
		if (found.ok() && found.value().isPresent()) {
			long chatwootId = found.value().get();
			log.info("Reply {} to conversation {} is already in Chatwoot as message {} (an earlier attempt's answer"
					+ " was lost); not sent again", reply.id(), reply.conversationId(), chatwootId);
			rows.markSent(reply.id(), chatwootId, sentAs);
			publish(reply, content, chatwootId, false);
			return true;
		}
		if (found.problem() instanceof Retryable unreadable) {
			retryOrFail(reply, new Retryable(UNCONFIRMED + unreadable.reason(), unreadable.retryAfter()));
			return true;
		}
		return false;
	}

	private void retryOrFail(Claimed reply, Retryable retry) {
		if (reply.attempts() >= settings.maxAttempts()) {
			fail(reply, retry.reason());
			return;
		}
		// Retry-After is Chatwoot's minimum; the backoff still grows, or a run of short Retry-After answers
		// would spend every attempt within a minute and fail a reply that a longer outage would have let through.
		Duration backoff = backoff(reply.attempts());
		Duration wait = retry.retryAfter() != null && retry.retryAfter().compareTo(backoff) > 0 ? retry.retryAfter() : backoff;
		log.info("Reply {} to conversation {}: {}; retry in {}", reply.id(), reply.conversationId(),
				LogMasks.text(retry.reason()), wait);
		rows.reschedule(reply.id(), wait, retry.reason());
		meters.counter("msia.outbox.retries").increment();
	}

	private boolean mayDeliver(Claimed reply) {
		return gates.stream().allMatch(gate -> gate.mayDeliver(reply.conversationId(), reply.createdAt()));
	}

	/** Uploads a file shipped with the application; a missing file cannot be fixed by retrying. */
	private Result sendFile(Claimed reply) {
		ClassPathResource file = new ClassPathResource(reply.attachment());
		try (var in = file.getInputStream()) {
			String type = MediaTypeFactory.getMediaType(file).map(Object::toString).orElse("application/octet-stream");
			return client.sendAttachment(reply.conversationId(), null, reply.content(), type, in.readAllBytes());
		}
		catch (java.io.IOException ex) {
			return new Failed("attachment not readable: " + reply.attachment());
		}
	}

	private void fail(Claimed reply, String reason) {
		log.error("Reply {} to conversation {} failed for good after {} attempts: {}", reply.id(),
				reply.conversationId(), reply.attempts(), LogMasks.text(reason));
		rows.markFailed(reply.id(), reason);
	}

	private void publish(Claimed reply, String content, Long chatwootId, boolean kept) {
		events.publishEvent(new ReplyDelivered(reply.id(), reply.conversationId(), content,
				reply.privateNote(), chatwootId, kept, Instant.now()));
	}

	/** Exponential backoff with full jitter, capped. */
	Duration backoff(int attempt) {
		long base = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
		long capped = Math.min(base, settings.maxBackoff().toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	private static void sleepQuietly(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
