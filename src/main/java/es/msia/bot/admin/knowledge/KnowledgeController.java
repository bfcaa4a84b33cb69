package es.msia.bot.admin.knowledge;

import java.util.Arrays;
import java.util.List;

import es.msia.bot.knowledge.Faq;
import es.msia.bot.knowledge.FaqEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Base de conocimiento (admin): the FAQ entries the agent answers from, through the knowledge module's
 * {@link Faq}. The agent reads them on every message, so an edit applies to the next one.
 */
@Controller
@RequestMapping("/knowledge")
class KnowledgeController {

	/** The form's values, kept as typed so a refused form shows them again. */
	record Form(String key, String question, String answer, String keywords, boolean active) {

		static Form of(Faq.Editable editable) {
			FaqEntry e = editable.entry();
			return new Form(e.key(), e.question(), e.answer(), String.join("\n", e.keywords()), editable.active());
		}

		FaqEntry entry() {
			List<String> list = Arrays.stream(keywords.split("[,\\n]")).map(String::strip).filter(k -> !k.isEmpty())
				.toList();
			return new FaqEntry(key, question, answer, list);
		}

	}

	private final Faq faq;

	KnowledgeController(Faq faq) {
		this.faq = faq;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("entries", faq.all());
		return "admin/knowledge/list";
	}

	@GetMapping("/new")
	String newEntry(Model model) {
		return form(model, new Form("", "", "", "", true), true, null);
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "") String question,
			@RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String keywords,
			@RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
		Form form = new Form(key.strip(), question, answer, keywords, active);
		try {
			faq.create(form.entry(), active);
		}
		catch (Faq.InvalidEntry invalid) {
			return form(model, form, true, invalid.field());
		}
		redirect.addFlashAttribute("flash", "knowledge.created");
		return "redirect:/knowledge";
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model) {
		Faq.Editable entry = faq.find(key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return form(model, Form.of(entry), false, null);
	}

	@PostMapping("/{key}")
	String update(@PathVariable String key, @RequestParam(defaultValue = "") String question,
			@RequestParam(defaultValue = "") String answer, @RequestParam(defaultValue = "") String keywords,
			@RequestParam(defaultValue = "false") boolean active, Model model, RedirectAttributes redirect) {
		Form form = new Form(key, question, answer, keywords, active);
		try {
			if (!faq.update(form.entry(), active)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND);
			}
		}
		catch (Faq.InvalidEntry invalid) {
			return form(model, form, false, invalid.field());
		}
		redirect.addFlashAttribute("flash", "knowledge.saved");
		return "redirect:/knowledge";
	}

	@PostMapping("/{key}/delete")
	String delete(@PathVariable String key, RedirectAttributes redirect) {
		boolean deleted = faq.delete(key);
		redirect.addFlashAttribute(deleted ? "flash" : "flashError", deleted ? "knowledge.deleted" : "knowledge.missing");
		return "redirect:/knowledge";
	}

	private static String form(Model model, Form form, boolean creating, @Nullable String error) {
		model.addAttribute("form", form);
		model.addAttribute("creating", creating);
		model.addAttribute("error", error);
		return "admin/knowledge/form";
	}

}
