package es.msia.bot.admin.dashboard;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import es.msia.bot.admin.usage.CostChart;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.conversation.ConversationView;
import es.msia.bot.conversation.LlmOptions;
import es.msia.bot.conversation.LlmUsage;
import es.msia.bot.handoff.HandoffReason;
import es.msia.bot.handoff.Handoffs;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Login page and the landing page: the dashboard for admins, the conversations for staff. Every figure comes
 * from the module that owns it (conversations, cases, handoffs, LLM usage); the charts are SVG drawn here.
 */
@Controller
class DashboardController {

	private static final int CHART_DAYS = 30;

	/** One figure card: message key of its label and its value as shown. */
	record Kpi(String label, String value) {

		static Kpi of(String label, long value) {
			return new Kpi(label, Long.toString(value));
		}

	}

	/** One bar of the handoffs-by-reason chart: the reason, its count and the bar's share of the widest, 0–100. */
	record ReasonBar(HandoffReason reason, long count, double percent) {
	}

	private final ConversationView conversations;

	private final LlmOptions llm;

	private final CaseManagement cases;

	private final Handoffs handoffs;

	private final LlmUsage usage;

	DashboardController(ConversationView conversations, LlmOptions llm, CaseManagement cases, Handoffs handoffs,
			LlmUsage usage) {
		this.conversations = conversations;
		this.llm = llm;
		this.cases = cases;
		this.handoffs = handoffs;
		this.usage = usage;
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
		Map<CaseStatus, Long> byStatus = cases.countByStatus();
		LlmOptions.Budget budget = llm.budget();
		model.addAttribute("kpis", List.of(Kpi.of("dashboard.kpi.conversationsToday", figures.conversationsToday()),
				Kpi.of("dashboard.kpi.quotesToday", figures.quotesToday()),
				Kpi.of("dashboard.kpi.quotesMonth", figures.quotesThisMonth()),
				Kpi.of("dashboard.kpi.casesCollecting", byStatus.get(CaseStatus.COLLECTING)),
				Kpi.of("dashboard.kpi.casesSubmitted", byStatus.get(CaseStatus.PENDING_REVIEW)),
				Kpi.of("dashboard.kpi.casesInProgress", byStatus.get(CaseStatus.IN_PROGRESS)),
				Kpi.of("dashboard.kpi.pendingHandoffs", figures.pendingHandoffs()),
				Kpi.of("dashboard.kpi.humanOwned", figures.humanOwned()),
				Kpi.of("dashboard.kpi.customers", figures.customers()),
				new Kpi("dashboard.kpi.llmCostMonth", euros(budget.spentEur()))));
		List<ConversationView.Day> days = conversations.daily(CHART_DAYS);
		Map<LocalDate, Long> opened = cases.openedPerDay(CHART_DAYS);
		model.addAttribute("chart", DailyChart.svg(days, opened));
		model.addAttribute("days", days);
		model.addAttribute("reasons", reasonBars(handoffs.countByReason(CHART_DAYS)));
		model.addAttribute("costChart", CostChart.svg(usage.daily(CHART_DAYS)));
		model.addAttribute("llmBudget", budget);
		return "admin/dashboard";
	}

	static List<ReasonBar> reasonBars(Map<HandoffReason, Long> counts) {
		long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
		List<ReasonBar> bars = new ArrayList<>();
		counts.forEach((reason, count) -> bars.add(new ReasonBar(reason, count, Math.round(count * 1000.0 / max) / 10.0)));
		return bars;
	}

	private static String euros(BigDecimal amount) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("es-ES")));
		return format.format(amount) + " €";
	}

}
