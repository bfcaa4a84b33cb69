package es.msia.bot.admin.customers;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.security.Principal;
import java.util.Map;

import es.msia.bot.admin.security.AccessLog;
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
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Customers: search, detail with their conversations, the client type, GDPR export and erasure. */
@Controller
@RequestMapping("/customers")
class CustomersController {

	private static final int PAGE = 100;

	private final Customers customers;

	private final ConversationView conversations;

	private final CustomerExport export;

	private final JsonMapper json;

	private final CaseManagement cases;

	private final CustomerErasure erasure;

	private final AccessLog accessLog;

	CustomersController(Customers customers, ConversationView conversations, CustomerExport export, JsonMapper json,
			CaseManagement cases, CustomerErasure erasure, AccessLog accessLog) {
		this.customers = customers;
		this.conversations = conversations;
		this.export = export;
		this.json = json;
		this.cases = cases;
		this.erasure = erasure;
		this.accessLog = accessLog;
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
	ResponseEntity<byte[]> export(@PathVariable long id, Principal user) {
		Map<String, Object> document = export.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		accessLog.action(user.getName(), "gdpr_export", "customer:" + id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cliente-" + id + ".json").build().toString())
			.body(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
	}

	/** GDPR access export with the case files: the JSON document and the files in one ZIP (admin only). */
	@GetMapping("/{id}/export.zip")
	ResponseEntity<StreamingResponseBody> exportZip(@PathVariable long id, Principal user) {
		Map<String, Object> document = export.of(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		accessLog.action(user.getName(), "gdpr_export", "customer:" + id);
		StreamingResponseBody body = out -> export.zip(id, document, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("cliente-" + id + ".zip").build().toString())
			.body(body);
	}

	/** GDPR erasure, step one: what goes, what MSI keeps, and the typed confirmation (admin only). */
	@GetMapping("/{id}/erase")
	String confirmErase(@PathVariable long id, Model model) {
		model.addAttribute("customer", find(id));
		return "admin/customers/erase";
	}

	/** GDPR erasure, step two: only when the admin typed the customer's phone number. */
	@PostMapping("/{id}/erase")
	String erase(@PathVariable long id, @RequestParam(defaultValue = "") String confirmation, Principal user,
			Model model, RedirectAttributes redirect) {
		CustomerView customer = find(id);
		if (!confirmation.replaceAll("\\s", "").equals(customer.phone().value())) {
			model.addAttribute("customer", customer);
			model.addAttribute("confirmationError", true);
			return "admin/customers/erase";
		}
		CustomerErasure.Erased erased = erasure.erase(customer.id(), user.getName());
		redirect.addFlashAttribute("flash", "customers.erased");
		redirect.addFlashAttribute("erasedCases", erased.caseReferences());
		return "redirect:/customers";
	}

	private CustomerView find(long id) {
		return customers.find(new CustomerId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
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
