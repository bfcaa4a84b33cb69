package es.msia.bot.admin.customers;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Customers: search, detail with their conversations, and the client type. */
@Controller
@RequestMapping("/customers")
class CustomersController {

	private static final int PAGE = 100;

	private final Customers customers;

	private final ConversationView conversations;

	private final CustomerExport export;

	private final JsonMapper json;

	private final CaseManagement cases;

	CustomersController(Customers customers, ConversationView conversations, CustomerExport export, JsonMapper json,
			CaseManagement cases) {
		this.customers = customers;
		this.conversations = conversations;
		this.export = export;
		this.json = json;
		this.cases = cases;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		table(q, page, model);
		return "admin/customers/list";
	}

	@GetMapping
	@HxRequest
	String table(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		model.addAttribute("q", q);
		PageSlice<CustomerView> slice = PageSlice.of(customers.search(q, PageSlice.fetchSize(page)), page, false,
				"/customers", Map.of("q", q));
		model.addAttribute("pageSlice", slice);
		model.addAttribute("customers", slice.items());
		return "admin/customers/fragments :: table";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CustomerView customer = customers.find(new CustomerId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("customer", customer);
		model.addAttribute("conversations",
				conversations.list(new ConversationView.Filter("", "", false, id, PAGE)));
		model.addAttribute("linkedCases", cases.ofCustomer(id));
		return "admin/customers/detail";
	}

	/** GDPR access export (admin only, see the panel's security chain). */
	@GetMapping("/{id}/export")
	ResponseEntity<byte[]> export(@PathVariable long id) {
		Map<String, Object> document = export.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cliente-" + id + ".json").build().toString())
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
	}

	@PostMapping("/{id}/client-type")
	String clientType(@PathVariable long id, @RequestParam String clientType, RedirectAttributes redirect) {
		if (!clientType.matches("particular|profesional")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		customers.setClientType(new CustomerId(id), clientType);
		redirect.addFlashAttribute("flash", "customers.saved");
		return "redirect:/customers/" + id;
	}

}
