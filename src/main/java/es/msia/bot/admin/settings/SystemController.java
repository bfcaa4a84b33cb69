package es.msia.bot.admin.settings;

import es.msia.bot.admin.security.AccessLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import es.msia.bot.chatwoot.ChatwootHealth;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.conversation.LlmHealth;
import es.msia.bot.conversation.LlmUsage;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.shared.Reachability;
import es.msia.bot.shared.RecentFailure;
import es.msia.bot.messaging.DeadLetters;
import es.msia.bot.messaging.StreamStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sistema: whether PostgreSQL, Redis, Chatwoot and OpenRouter answer (the last two probed by their modules,
 * cached for half a minute), the incoming stream's lag, backlog and dead letters, recent failures (replies
 * Chatwoot never took, escalations Chatwoot never applied, failed LLM turns) and the panel's access log.
 */
@Controller
class SystemController {

	private static final int ROWS = 20;

	/** An external service's card: message key suffix and what its probe found. */
	record ExternalService(String key, Reachability reach) {
	}

	private final JdbcClient jdbc;

	private final StreamStatus stream;

	private final ChatwootHealth chatwoot;

	private final LlmHealth llm;

	private final ChatwootOutbox outbox;

	private final LlmUsage usage;

	private final Handoffs handoffs;

	private final AccessLog accessLog;

	private final DeadLetters deadLetters;

	SystemController(JdbcClient jdbc, StreamStatus stream, ChatwootHealth chatwoot, LlmHealth llm,
			ChatwootOutbox outbox, LlmUsage usage, Handoffs handoffs, AccessLog accessLog, DeadLetters deadLetters) {
		this.handoffs = handoffs;
		this.llm = llm;
		this.outbox = outbox;
		this.usage = usage;
		this.jdbc = jdbc;
		this.stream = stream;
		this.chatwoot = chatwoot;
		this.accessLog = accessLog;
		this.deadLetters = deadLetters;
	}

	@GetMapping("/system")
	String system(Model model) {
		model.addAttribute("database", databaseUp());
		try {
			model.addAttribute("stream", stream.counts());
			model.addAttribute("lag", lag(stream.lagSeconds()));
			model.addAttribute("deadLetters", deadLetters.newest(ROWS));
			model.addAttribute("redis", true);
		}
		catch (RuntimeException ex) {
			model.addAttribute("redis", false);
			model.addAttribute("deadLetters", java.util.List.of());
		}
		model.addAttribute("services", List.of(new ExternalService("chatwoot", chatwoot.check()),
				new ExternalService("openRouter", llm.check())));
		model.addAttribute("failures", recentFailures());
		model.addAttribute("access", accessLog.latest(ROWS));
		return "admin/settings/system";
	}

	/** Puts a dead letter back on the incoming stream (the agent answers it as if it had just arrived). */
	@PostMapping("/system/dead-letters/{id}/retry")
	String retry(@PathVariable String id, RedirectAttributes redirect) {
		boolean retried = id.matches("\\d+-\\d+") && deadLetters.retry(id).isPresent();
		redirect.addFlashAttribute(retried ? "flash" : "flashError",
				retried ? "system.deadLetters.retried" : "system.deadLetters.gone");
		return "redirect:/system";
	}

	/** The newest failures of every source, merged newest first. */
	private List<RecentFailure> recentFailures() {
		List<RecentFailure> all = new ArrayList<>();
		try {
			all.addAll(outbox.recentFailures(ROWS));
			all.addAll(usage.recentFailures(ROWS));
			all.addAll(handoffs.recentFailures(ROWS));
		}
		catch (RuntimeException ex) {
			// The database is down: its card already says so.
		}
		all.sort(Comparator.comparing(RecentFailure::at).reversed());
		return all.subList(0, Math.min(ROWS, all.size()));
	}

	/** "0 s", "42 s", "3 min 5 s", "2 h 10 min": how long the oldest unanswered message has waited. */
	static String lag(double seconds) {
		if (Double.isNaN(seconds)) {
			return "?";
		}
		Duration d = Duration.ofSeconds(Math.round(seconds));
		if (d.toHours() > 0) {
			return d.toHours() + " h " + d.toMinutesPart() + " min";
		}
		if (d.toMinutes() > 0) {
			return d.toMinutes() + " min " + d.toSecondsPart() + " s";
		}
		return d.getSeconds() + " s";
	}

	private boolean databaseUp() {
		try {
			return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
