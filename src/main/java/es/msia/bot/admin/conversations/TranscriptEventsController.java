package es.msia.bot.admin.conversations;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import es.msia.bot.messaging.LiveFeed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live transcript's event stream (Server-Sent Events): one {@code transcript} event per message in
 * or out of the conversation, fed by {@link LiveFeed} (Redis Pub/Sub, so a reply sent by any agent
 * replica arrives). The page then fetches the rendered transcript, so it is drawn in one place only.
 * The browser's EventSource reconnects by itself when the stream times out.
 */
@Controller
@RequestMapping("/conversations")
class TranscriptEventsController {

	private static final Logger log = LoggerFactory.getLogger(TranscriptEventsController.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(15);

	private final LiveFeed feed;

	private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

	TranscriptEventsController(LiveFeed feed) {
		this.feed = feed;
	}

	@GetMapping(path = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@ResponseBody
	SseEmitter events(@PathVariable long id) throws IOException {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		AutoCloseable following = feed.follow(id, event -> {
			try {
				emitter.send(SseEmitter.event()
					.name("transcript")
					.data("{\"direction\":\"" + event.direction() + "\",\"sender\":\"" + event.senderKind() + "\"}"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
			}
		});
		open.add(emitter);
		Runnable stop = () -> {
			open.remove(emitter);
			try {
				following.close();
			}
			catch (Exception ex) {
				log.debug("Closing a live follower failed: {}", ex.getMessage());
			}
		};
		emitter.onCompletion(stop);
		emitter.onTimeout(stop);
		emitter.onError(e -> stop.run());
		// Tells the page the stream is open; after a reconnect it refreshes, covering what it missed meanwhile.
		emitter.send(SseEmitter.event().name("ready").data("{}"));
		return emitter;
	}

	/**
	 * Ends the open streams when the application stops, before the web server's graceful shutdown waits
	 * for requests in flight: a stream never finishes by itself and would hold the shutdown to its limit.
	 * The browsers reconnect to another replica (or to this one once it is back).
	 */
	@EventListener(ContextClosedEvent.class)
	void closeStreams() {
		open.forEach(SseEmitter::complete);
		open.clear();
	}

}
