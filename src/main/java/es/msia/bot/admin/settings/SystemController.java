package es.msia.bot.admin.settings;

import es.msia.bot.admin.security.AccessLog;
import es.msia.bot.chatwoot.ChatwootSettings;
import es.msia.bot.messaging.StreamStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

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

	SystemController(JdbcClient jdbc, StreamStatus stream, ChatwootSettings chatwoot, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.stream = stream;
		this.chatwoot = chatwoot;
		this.accessLog = accessLog;
	}

	@GetMapping("/system")
	String system(Model model) {
		model.addAttribute("database", databaseUp());
		try {
			model.addAttribute("stream", stream.counts());
			model.addAttribute("deadLetters", stream.deadLetters(ROWS));
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

	private boolean databaseUp() {
		try {
			return jdbc.sql("SELECT 1").query(Integer.class).single() == 1;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
