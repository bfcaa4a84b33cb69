package es.msia.bot.admin.dashboard;

import java.time.Instant;
import java.util.List;

import es.msia.bot.conversation.ConversationView;
import es.msia.bot.conversation.LlmOptions;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Login page and the landing page: the dashboard for admins, the conversations for staff.
 */
@Controller
class DashboardController {

	private static final int CHART_DAYS = 30;

	/** One figure card: message key of its label and its value. */
	record Kpi(String label, long value) {
	}

	private final ConversationView conversations;

	private final LlmOptions llm;

	DashboardController(ConversationView conversations, LlmOptions llm) {
		this.conversations = conversations;
		this.llm = llm;
	}

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

	@GetMapping("/")
	String home(Authentication user, Model model) {
		boolean admin = user.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
		if (!admin) {
			return "redirect:/conversations";
		}
		ConversationView.Figures figures = conversations.figures(Instant.now());
		model.addAttribute("kpis", List.of(new Kpi("dashboard.kpi.conversationsToday", figures.conversationsToday()),
				new Kpi("dashboard.kpi.quotesToday", figures.quotesToday()),
				new Kpi("dashboard.kpi.quotesMonth", figures.quotesThisMonth()),
				new Kpi("dashboard.kpi.pendingHandoffs", figures.pendingHandoffs()),
				new Kpi("dashboard.kpi.humanOwned", figures.humanOwned()),
				new Kpi("dashboard.kpi.customers", figures.customers())));
		List<ConversationView.Day> days = conversations.daily(CHART_DAYS);
		model.addAttribute("chart", DailyChart.svg(days));
		model.addAttribute("days", days);
		model.addAttribute("llmBudget", llm.budget());
		return "admin/dashboard";
	}

}
