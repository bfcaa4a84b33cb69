package es.msia.bot.admin.cases;

import java.security.Principal;

import es.msia.bot.cases.CaseMilestone;
import es.msia.bot.cases.CaseNotFound;
import es.msia.bot.cases.CaseMilestones;
import es.msia.bot.cases.MilestoneNotPossible;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case page's milestone buttons (documentation complete, project sent, project approved, ready for the
 * ITV): each marks the step on the timeline once and tells the customer (notifications module).
 */
@Controller
@RequestMapping("/cases")
class CaseMilestonesController {

	private final CaseMilestones milestones;

	CaseMilestonesController(CaseMilestones milestones) {
		this.milestones = milestones;
	}

	@PostMapping("/{id}/milestones/{milestone}")
	String reach(@PathVariable long id, @PathVariable String milestone, Principal user, RedirectAttributes redirect) {
		CaseMilestone step;
		try {
			step = CaseMilestone.fromCode(milestone);
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("flashError", "cases.milestone.refused");
			return "redirect:/cases/" + id;
		}
		try {
			boolean marked = milestones.reach(id, step, "panel:" + user.getName());
			redirect.addFlashAttribute("flash", marked ? "cases.milestone.marked" : "cases.milestone.already");
		}
		catch (MilestoneNotPossible ex) {
			redirect.addFlashAttribute("flashError", "cases.milestone.refused");
		}
		return "redirect:/cases/" + id;
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/cases/missing";
	}

}
