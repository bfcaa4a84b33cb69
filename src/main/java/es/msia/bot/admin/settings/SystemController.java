package es.msia.bot.admin.settings;

import es.msia.bot.admin.security.AccessLog;
import es.msia.bot.chatwoot.ChatwootSettings;
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
 * Sistema: whether PostgreSQL and Redis answer, whether Chatwoot is configured, the incoming stream's
 * backlog and dead letters, and the panel's access log.
 */
@Controller
class SystemController {

	private static final int ROWS = 20;

	private final JdbcClient jdbc;

	private final StreamStatus stream;

	private final ChatwootSettings chatwoot;

	private final AccessLog accessLog;

	private final DeadLetters deadLetters;

	SystemController(JdbcClient jdbc, StreamStatus stream, ChatwootSettings chatwoot, AccessLog accessLog,
			DeadLetters deadLetters) {
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
			model.addAttribute("deadLetters", deadLetters.newest(ROWS));
			model.addAttribute("redis", true);
		}
		catch (RuntimeException ex) {
			model.addAttribute("redis", false);
			model.addAttribute("deadLetters", java.util.List.of());
		}
		model.addAttribute("chatwoot", chatwoot.configured());
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

	private boolean databaseUp() {
		try {
			return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
