package es.msia.bot.admin.conversations;

import java.security.Principal;

import java.util.Map;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.chatwoot.ChatwootSettings;
import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.Customers;
import es.msia.bot.handoff.HandoffReason;
import es.msia.bot.handoff.HandoffRequest;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.shared.SimulatedConversations;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Conversations: the filtered list, and one conversation with its live transcript, customer, state and
 * the take-over / hand-back buttons (through {@link Handoffs}).
 */
@Controller
@RequestMapping("/conversations")
class ConversationsController {

	private final ConversationView view;

	private final ConversationPanels panels;

	private final Handoffs handoffs;

	private final Customers customers;

	private final ChatwootSettings chatwoot;

	private final CaseManagement cases;

	ConversationsController(ConversationView view, ConversationPanels panels, Handoffs handoffs, Customers customers,
			ChatwootSettings chatwoot, CaseManagement cases) {
		this.view = view;
		this.panels = panels;
		this.handoffs = handoffs;
		this.customers = customers;
		this.chatwoot = chatwoot;
		this.cases = cases;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "false") boolean escalated, @RequestParam(defaultValue = "false") boolean withCase,
			@RequestParam(defaultValue = "1") int page, Model model) {
		table(q, owner, escalated, withCase, page, model);
		return "admin/conversations/list";
	}

	@GetMapping
	@HxRequest
	String table(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String owner,
			@RequestParam(defaultValue = "false") boolean escalated, @RequestParam(defaultValue = "false") boolean withCase,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String ownerFilter = owner.matches("BOT|HUMAN|PAUSED") ? owner : "";
		model.addAttribute("q", q);
		model.addAttribute("ownerFilter", ownerFilter);
		model.addAttribute("escalated", escalated);
		model.addAttribute("withCase", withCase);
		PageSlice<ConversationView.Summary> slice = PageSlice.of(
				view.list(new ConversationView.Filter(q, ownerFilter, escalated, withCase, null, PageSlice.fetchSize(page))),
				page, false, "/conversations", Map.of("q", q, "owner", ownerFilter, "escalated", escalated ? "true" : "",
						"withCase", withCase ? "true" : ""));
		model.addAttribute("pageSlice", slice);
		model.addAttribute("conversations", slice.items());
		return "admin/conversations/fragments :: table";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		panels.fill(id, model);
		ConversationView.Summary summary = view.list(new ConversationView.Filter(Long.toString(id), "", false, null, 1))
			.stream()
			.filter(s -> s.id() == id)
			.findFirst()
			.orElse(null);
		model.addAttribute("summary", summary);
		model.addAttribute("customer", summary == null || summary.customerId() == null ? null
				: customers.find(new CustomerId(summary.customerId())).orElse(null));
		model.addAttribute("chatwootUrl", chatwootUrl(id));
		model.addAttribute("linkedCases", cases.ofConversation(id));
		return "admin/conversations/detail";
	}

	/** htmx poll: the transcript and state panels. */
	@GetMapping("/{id}/live")
	String live(@PathVariable long id, Model model) {
		panels.fill(id, model);
		return "admin/conversations/fragments :: live";
	}

	@PostMapping("/{id}/take")
	String take(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		handoffs.request(new HandoffRequest(id, HandoffReason.STAFF, "Conversación tomada desde el panel por "
				+ user.getName() + "."));
		redirect.addFlashAttribute("flash", "conversations.taken");
		return "redirect:/conversations/" + id;
	}

	@PostMapping("/{id}/return")
	String giveBack(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		handoffs.returnToBot(id, "panel:" + user.getName());
		redirect.addFlashAttribute("flash", "conversations.returned");
		return "redirect:/conversations/" + id;
	}

	private @Nullable String chatwootUrl(long id) {
		if (!chatwoot.configured() || SimulatedConversations.isSimulated(id)) {
			return null;
		}
		String base = chatwoot.apiUrl().replaceAll("/+$", "");
		return base + "/app/accounts/" + chatwoot.accountId() + "/conversations/" + id;
	}

}
