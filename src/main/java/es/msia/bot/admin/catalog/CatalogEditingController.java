package es.msia.bot.admin.catalog;

import java.io.IOException;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogAdministration;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.GroupDefinition;
import es.msia.bot.catalog.SurchargeDefinition;
import es.msia.bot.catalog.TierDefinition;
import es.msia.bot.catalog.WarningSeverity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Catálogo editing: elements (create, edit, delete, example images), tiers (price, texts, admitted caps),
 * category/tier warnings, extras and base documents, and reverting an audited change. Every write goes
 * through {@link CatalogAdministration}; a rejected form comes back with the problems next to its boxes
 * (htmx swaps the form, a plain POST gets the whole page).
 */
@Controller
@RequestMapping("/catalog")
class CatalogEditingController {

	private final Catalog catalog;

	private final CatalogAdministration administration;

	CatalogEditingController(Catalog catalog, CatalogAdministration administration) {
		this.catalog = catalog;
		this.administration = administration;
	}

	// ----- elements

	@GetMapping("/{slug}/elements/new")
	String newElement(@PathVariable String slug, Model model) {
		CategoryDefinition category = category(slug);
		return elementPage(model, category, null,
				ElementForm.empty(category.groups().isEmpty() ? "" : category.groups().get(0).code()), Map.of(), false);
	}

	@PostMapping("/{slug}/elements")
	@Nullable String create(@PathVariable String slug, @ModelAttribute ElementForm form, Principal user,
			@RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, HttpServletRequest request,
			HttpServletResponse response, RedirectAttributes redirect, Model model) {
		CategoryDefinition category = category(slug);
		String code = form.code() == null ? "" : form.code().strip().toUpperCase(java.util.Locale.ROOT);
		try {
			administration.createElement(user.getName(), slug, form.toDefinition(code, administration));
		}
		catch (CatalogAdministration.EditRejected ex) {
			return elementView(model, category, null, form, ex.byField(), htmx);
		}
		catch (ElementForm.FormRejected ex) {
			return elementView(model, category, null, form, byField(ex.problems()), htmx);
		}
		String target = "/catalog/" + slug + "/elements/" + code;
		if (htmx != null) {
			// htmx would follow a 302 inside the XHR and swap the whole page into the form: tell it to navigate.
			FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
			flash.put("flash", "catalog.element.created");
			RequestContextUtils.saveOutputFlashMap(target, request, response);
			response.setHeader("HX-Redirect", target);
			return null;
		}
		redirect.addFlashAttribute("flash", "catalog.element.created");
		return "redirect:" + target;
	}

	@GetMapping("/{slug}/elements/{code}")
	String element(@PathVariable String slug, @PathVariable String code, Model model) {
		CategoryDefinition category = category(slug);
		ElementDefinition element = element(category, code);
		return elementPage(model, category, element, ElementForm.of(element, administration), Map.of(), false);
	}

	@PostMapping("/{slug}/elements/{code}")
	String update(@PathVariable String slug, @PathVariable String code, @ModelAttribute ElementForm form,
			Principal user, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		CategoryDefinition category = category(slug);
		ElementDefinition element = element(category, code);
		try {
			administration.updateElement(user.getName(), slug, form.toDefinition(code, administration));
		}
		catch (CatalogAdministration.EditRejected ex) {
			return elementView(model, category, element, form, ex.byField(), htmx);
		}
		catch (ElementForm.FormRejected ex) {
			return elementView(model, category, element, form, byField(ex.problems()), htmx);
		}
		ElementDefinition saved = element(category(slug), code);
		model.addAttribute("saved", true);
		return elementView(model, category(slug), saved, ElementForm.of(saved, administration), Map.of(), htmx);
	}

	@PostMapping("/{slug}/elements/{code}/delete")
	String deleteElement(@PathVariable String slug, @PathVariable String code, Principal user,
			RedirectAttributes redirect) {
		try {
			administration.deleteElement(user.getName(), slug, code);
			redirect.addFlashAttribute("flash", "catalog.element.deleted");
		}
		catch (CatalogAdministration.EditRejected ex) {
			redirect.addFlashAttribute("flashError", "catalog.rejected");
			redirect.addFlashAttribute("rejection", ex.getMessage());
			return "redirect:/catalog/" + slug + "/elements/" + code;
		}
		return "redirect:/catalog/" + slug;
	}

	/** Uploads an example image (checked by its magic bytes) and adds it to the element. */
	@PostMapping("/{slug}/elements/{code}/images")
	String uploadImage(@PathVariable String slug, @PathVariable String code, @RequestParam("image") MultipartFile image,
			Principal user, RedirectAttributes redirect) throws IOException {
		CategoryDefinition category = category(slug);
		ElementDefinition element = element(category, code);
		try {
			String path = administration.uploadExampleImage(user.getName(), image.getBytes());
			administration.updateElement(user.getName(), slug,
					ElementForm.of(element, administration).withImage(path).toDefinition(code, administration));
			redirect.addFlashAttribute("flash", "catalog.image.uploaded");
		}
		catch (CatalogAdministration.EditRejected ex) {
			redirect.addFlashAttribute("flashError", "catalog.image.rejected");
			redirect.addFlashAttribute("rejection", ex.problems().get(0).message());
		}
		return "redirect:/catalog/" + slug + "/elements/" + code;
	}

	/** Preview of an example image (the public images endpoint is on the API port, not here). */
	@GetMapping("/images/{*path}")
	ResponseEntity<byte[]> image(@PathVariable String path) {
		return administration.exampleImage(path.startsWith("/") ? path.substring(1) : path)
			.map(i -> ResponseEntity.ok().contentType(MediaType.parseMediaType(i.contentType())).body(i.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	// ----- tiers

	@GetMapping("/{slug}/tiers/{code}")
	String tier(@PathVariable String slug, @PathVariable String code, Model model) {
		CategoryDefinition category = category(slug);
		TierDefinition tier = tier(category, code);
		return tierView(model, category, tier, Map.of(), caps(category, tier), null);
	}

	@PostMapping("/{slug}/tiers/{code}")
	String updateTier(@PathVariable String slug, @PathVariable String code, @RequestParam Map<String, String> form,
			Principal user, @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
		CategoryDefinition category = category(slug);
		TierDefinition current = tier(category, code);
		Map<String, String> errors = new LinkedHashMap<>();
		BigDecimal price = decimal(form.get("price"));
		if (price == null) {
			errors.put("price", "escribe un importe, por ejemplo 245,50");
		}
		// One box per group: empty = not admitted, "*" = unlimited, a number = the maximum.
		Map<String, Integer> admits = new LinkedHashMap<>();
		Map<String, String> caps = new LinkedHashMap<>();
		for (var group : category.groups()) {
			String value = form.getOrDefault("admits." + group.code(), "").strip();
			caps.put(group.code(), value);
			if (value.equals("*")) {
				admits.put(group.code(), null);
			}
			else if (!value.isEmpty()) {
				try {
					admits.put(group.code(), Integer.parseInt(value));
				}
				catch (NumberFormatException ex) {
					errors.put("admits." + group.code(), "escribe un número, * (sin límite) o déjalo vacío");
				}
			}
		}
		TierDefinition edited = new TierDefinition(code, form.getOrDefault("nameEs", "").strip(),
				price == null ? current.price() : price, form.containsKey("requiresProject"), admits,
				form.getOrDefault("includesEs", "").strip(), form.getOrDefault("turnaroundEs", "").strip());
		if (errors.isEmpty()) {
			try {
				administration.updateTier(user.getName(), slug, edited);
				model.addAttribute("saved", true);
			}
			catch (CatalogAdministration.EditRejected ex) {
				errors.putAll(ex.byField());
			}
		}
		return tierView(model, category(slug), edited, errors, caps, htmx);
	}

	// ----- warnings, extras, base documents (one row form each on the category page)

	@PostMapping("/{slug}/warnings")
	String saveWarning(@PathVariable String slug, @RequestParam String code, @RequestParam String severity,
			@RequestParam String textEs, @RequestParam String scope, Principal user, Model model) {
		CatalogWarning warning = new CatalogWarning(code.strip().toUpperCase(java.util.Locale.ROOT),
				"info".equals(severity) ? WarningSeverity.INFO : WarningSeverity.WARNING, textEs.strip(), scope.strip());
		return row(model, slug, "warningRow", "w", warning,
				() -> administration.saveWarning(user.getName(), slug, warning));
	}

	@PostMapping("/{slug}/extras")
	String saveExtra(@PathVariable String slug, @RequestParam String code, @RequestParam String nameEs,
			@RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "") String priceTextEs,
			@RequestParam String unit, Principal user, Model model) {
		BigDecimal euros = decimal(price);
		ExtraDefinition extra = new ExtraDefinition(code.strip().toUpperCase(java.util.Locale.ROOT), nameEs.strip(), euros,
				priceTextEs.isBlank() ? null : priceTextEs.strip(), unit);
		if (euros == null && !price.isBlank()) {
			model.addAttribute("errors", Map.of("price", "escribe un importe, por ejemplo 45,00"));
			return rowView(model, slug, "extraRow", "x", extra);
		}
		return row(model, slug, "extraRow", "x", extra, () -> administration.saveExtra(user.getName(), slug, extra));
	}

	@PostMapping("/{slug}/documents")
	String saveDocument(@PathVariable String slug, @RequestParam String code, @RequestParam String nameEs,
			@RequestParam(defaultValue = "") String instructionEs, @RequestParam(defaultValue = "") String exampleImage,
			Principal user, Model model) {
		BaseDocument document = new BaseDocument(code.strip().toUpperCase(java.util.Locale.ROOT), nameEs.strip(),
				instructionEs.strip(), exampleImage.isBlank() ? null : exampleImage.strip());
		return row(model, slug, "documentRow", "d", document,
				() -> administration.saveDocument(user.getName(), slug, document));
	}

	@PostMapping("/{slug}/texts")
	String saveCategory(@PathVariable String slug, @RequestParam String nameEs,
			@RequestParam(defaultValue = "") String scopeNoteEs, Principal user, Model model) {
		CategoryDefinition current = category(slug);
		model.addAttribute("nameEs", nameEs);
		model.addAttribute("scopeNoteEs", scopeNoteEs);
		try {
			administration.updateCategory(user.getName(), slug, nameEs, scopeNoteEs);
			model.addAttribute("saved", true);
			model.addAttribute("errors", Map.of());
		}
		catch (CatalogAdministration.EditRejected ex) {
			model.addAttribute("errors", ex.byField());
		}
		model.addAttribute("category", current);
		return "admin/catalog/edit :: categoryForm";
	}

	@PostMapping("/{slug}/groups")
	String saveGroup(@PathVariable String slug, @RequestParam String code, @RequestParam String nameEs,
			@RequestParam(defaultValue = "") String descriptionEs, Principal user, Model model) {
		GroupDefinition group = new GroupDefinition(code.strip().toUpperCase(java.util.Locale.ROOT), nameEs.strip(),
				descriptionEs.strip());
		return row(model, slug, "groupRow", "g", group, () -> administration.saveGroup(user.getName(), slug, group));
	}

	@PostMapping("/{slug}/surcharges")
	String saveSurcharge(@PathVariable String slug, @RequestParam String code, @RequestParam String nameEs,
			@RequestParam(defaultValue = "") String price, @RequestParam(defaultValue = "") String appliesTo,
			@RequestParam(defaultValue = "false") boolean onRequest,
			@RequestParam(defaultValue = "") String triggerElements, Principal user, Model model) {
		BigDecimal euros = decimal(price);
		SurchargeDefinition surcharge = new SurchargeDefinition(code.strip().toUpperCase(java.util.Locale.ROOT),
				nameEs.strip(), euros, codes(appliesTo), onRequest, codes(triggerElements));
		if (euros == null) {
			model.addAttribute("errors", Map.of("price", "escribe un importe, por ejemplo 45,00"));
			return rowView(model, slug, "surchargeRow", "s", surcharge);
		}
		return row(model, slug, "surchargeRow", "s", surcharge,
				() -> administration.saveSurcharge(user.getName(), slug, surcharge));
	}

	@PostMapping("/{slug}/{kind:warnings|extras|documents|groups|surcharges}/{code}/delete")
	String deleteRow(@PathVariable String slug, @PathVariable String kind, @PathVariable String code, Principal user,
			RedirectAttributes redirect) {
		try {
			switch (kind) {
				case "warnings" -> administration.deleteWarning(user.getName(), slug, code);
				case "extras" -> administration.deleteExtra(user.getName(), slug, code);
				case "groups" -> administration.deleteGroup(user.getName(), slug, code);
				case "surcharges" -> administration.deleteSurcharge(user.getName(), slug, code);
				default -> administration.deleteDocument(user.getName(), slug, code);
			}
			redirect.addFlashAttribute("flash", "catalog.row.deleted");
		}
		catch (CatalogAdministration.EditRejected ex) {
			redirect.addFlashAttribute("flashError", "catalog.rejected");
			redirect.addFlashAttribute("rejection", ex.getMessage());
		}
		return "redirect:/catalog/" + slug;
	}

	// ----- revert

	@PostMapping("/audit/{id}/revert")
	String revert(@PathVariable long id, Principal user, RedirectAttributes redirect) {
		try {
			administration.revert(user.getName(), id);
			redirect.addFlashAttribute("flash", "catalog.reverted");
		}
		catch (CatalogAdministration.EditRejected ex) {
			redirect.addFlashAttribute("flashError", "catalog.revert.rejected");
			redirect.addFlashAttribute("rejection", ex.problems().get(0).message());
		}
		return "redirect:/catalog/audit";
	}

	// ----- helpers

	private String elementPage(Model model, CategoryDefinition category, @Nullable ElementDefinition element,
			ElementForm form, Map<String, String> errors, boolean saved) {
		model.addAttribute("category", category);
		model.addAttribute("element", element);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("maxImageMb", CatalogAdministration.MAX_IMAGE_BYTES / (1024 * 1024));
		return "admin/catalog/element";
	}

	private String elementView(Model model, CategoryDefinition category, @Nullable ElementDefinition element,
			ElementForm form, Map<String, String> errors, @Nullable String htmx) {
		elementPage(model, category, element, form, errors, false);
		return htmx != null ? "admin/catalog/edit :: elementForm" : "admin/catalog/element";
	}

	private String tierView(Model model, CategoryDefinition category, TierDefinition tier, Map<String, String> errors,
			Map<String, String> caps, @Nullable String htmx) {
		model.addAttribute("category", category);
		model.addAttribute("tier", tier);
		model.addAttribute("caps", caps);
		model.addAttribute("errors", errors);
		return htmx != null ? "admin/catalog/edit :: tierForm" : "admin/catalog/tier";
	}

	private String row(Model model, String slug, String fragment, String name, Object value, Runnable save) {
		category(slug);
		try {
			save.run();
			model.addAttribute("saved", true);
			model.addAttribute("errors", Map.of());
		}
		catch (CatalogAdministration.EditRejected ex) {
			model.addAttribute("errors", ex.byField());
		}
		return rowView(model, slug, fragment, name, value);
	}

	private String rowView(Model model, String slug, String fragment, String name, Object value) {
		model.addAttribute("category", category(slug));
		model.addAttribute(name, value);
		return "admin/catalog/edit :: " + fragment;
	}

	private static Map<String, String> caps(CategoryDefinition category, TierDefinition tier) {
		Map<String, String> caps = new LinkedHashMap<>();
		for (var group : category.groups()) {
			String value = "";
			if (tier.admits().containsKey(group.code())) {
				Integer cap = tier.admits().get(group.code());
				value = cap == null ? "*" : cap.toString();
			}
			caps.put(group.code(), value);
		}
		return caps;
	}

	private static List<String> codes(String text) {
		return java.util.Arrays.stream(text.split("[,\\s]+"))
			.map(c -> c.strip().toUpperCase(java.util.Locale.ROOT))
			.filter(c -> !c.isEmpty())
			.toList();
	}

	private static Map<String, String> byField(List<CatalogAdministration.Problem> problems) {
		Map<String, String> errors = new LinkedHashMap<>();
		problems.forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "; " + b));
		return errors;
	}

	private static @Nullable BigDecimal decimal(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(text.strip().replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private CategoryDefinition category(String slug) {
		return catalog.category(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static ElementDefinition element(CategoryDefinition category, String code) {
		return category.element(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static TierDefinition tier(CategoryDefinition category, String code) {
		return category.tiers()
			.stream()
			.filter(t -> t.code().equals(code))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
