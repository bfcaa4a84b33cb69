package es.msia.bot.admin.escalations;

import java.security.Principal;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.handoff.Handoffs;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue of open escalations, with their reason and context pack, and resolving them. */
@Controller
@RequestMapping("/escalations")
class EscalationsController {

	private final Handoffs handoffs;

	EscalationsController(Handoffs handoffs) {
		this.handoffs = handoffs;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "1") int page, Model model) {
		var pending = handoffs.pending();
		PageSlice<?> slice = PageSlice.of(pending, page, true, "/escalations", java.util.Map.of());
		model.addAttribute("pageSlice", slice);
		model.addAttribute("pendingCount", pending.size());
		model.addAttribute("escalations", slice.items());
		return "admin/escalations/list";
	}

	@PostMapping("/{id}/resolve")
	String resolve(@PathVariable long id, @RequestParam(defaultValue = "false") boolean returnToBot, Principal user,
			RedirectAttributes redirect) {
		handoffs.resolve(id, "panel:" + user.getName(), returnToBot);
		redirect.addFlashAttribute("flash", returnToBot ? "escalations.resolvedReturned" : "escalations.resolved");
		return "redirect:/escalations";
	}

}
