package es.msia.bot.admin.catalog;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.WarningSeverity;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.NoTariff;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.TextQuote;
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
 * Catálogo: categories with their tiers and elements, tier price edits (audited, through
 * {@link CatalogAdministration}), the audit trail and the "probar presupuesto" box.
 */
@Controller
@RequestMapping("/catalog")
class CatalogPagesController {

	private final Catalog catalog;

	private final CatalogAdministration administration;

	CatalogPagesController(Catalog catalog, CatalogAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	@GetMapping
	String categories(Model model) {
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("version", catalog.version());
		return "admin/catalog/list";
	}

	@GetMapping("/{slug}")
	String category(@PathVariable String slug, Model model) {
		model.addAttribute("category",
				catalog.category(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		// Blank rows for the "add" forms under the warnings, extras and base documents.
		model.addAttribute("newWarning", new CatalogWarning("", WarningSeverity.WARNING, "", "category"));
		model.addAttribute("newExtra", new ExtraDefinition("", "", null, null, "per_case"));
		model.addAttribute("newDocument", new BaseDocument("", "", "", null));
		model.addAttribute("newGroup", new GroupDefinition("", "", ""));
		model.addAttribute("newSurcharge", new SurchargeDefinition("", "", null, List.of(), false, List.of()));
		return "admin/catalog/category";
	}

	@PostMapping("/{slug}/tiers/{code}/price")
	String price(@PathVariable String slug, @PathVariable String code, @RequestParam String price, Principal user,
			RedirectAttributes redirect) {
		BigDecimal euros;
		try {
			euros = new BigDecimal(price.trim().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			redirect.addFlashAttribute("flashError", "catalog.price.invalid");
			return "redirect:/catalog/" + slug;
		}
		try {
			administration.setTierPrice(user.getName(), slug, code, euros);
			redirect.addFlashAttribute("flash", "catalog.price.saved");
		}
		catch (CatalogAdministration.EditRejected ex) {
			redirect.addFlashAttribute("flashError", "catalog.price.rejected");
			redirect.addFlashAttribute("rejection", ex.getMessage());
		}
		return "redirect:/catalog/" + slug;
	}

	@GetMapping("/audit")
	String audit(@RequestParam(defaultValue = "1") int page, Model model) {
		PageSlice<CatalogAdministration.Change> slice = PageSlice.of(administration.audit(PageSlice.fetchSize(page)), page,
				false, "/catalog/audit", java.util.Map.of());
		model.addAttribute("pageSlice", slice);
		model.addAttribute("changes", slice.items());
		return "admin/catalog/audit";
	}

	/** htmx: the quote the current catalogue gives for a free-text request. */
	@PostMapping("/try")
	String tryQuote(@RequestParam String clientType, @RequestParam String text, Model model) {
		ClientType type = "profesional".equals(clientType) ? ClientType.PROFESIONAL : ClientType.PARTICULAR;
		TextQuote quote = catalog.quoteText(type, null, text.length() > 2000 ? text.substring(0, 2000) : text);
		model.addAttribute("result", quote);
		model.addAttribute("quote", quote.outcome() instanceof Quote priced ? priced : null);
		model.addAttribute("noTariff", quote.outcome() instanceof NoTariff none ? none : null);
		return "admin/catalog/fragments :: tryResult";
	}

}
