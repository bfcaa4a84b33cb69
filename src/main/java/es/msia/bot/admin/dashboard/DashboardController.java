package es.msia.bot.admin.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The panel's entry pages. The dashboard is a shell for now; its KPIs come with the panel issue.
 */
@Controller
class DashboardController {

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/")
	String dashboard() {
		return "admin/dashboard";
	}

}
