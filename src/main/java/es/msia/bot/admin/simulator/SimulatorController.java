package es.msia.bot.admin.simulator;

import java.io.IOException;
import java.util.concurrent.ThreadLocalRandom;

import es.msia.bot.shared.PhoneNumber;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The simulator: staff chat as a customer against the real engine, with the conversation's state and
 * quote beside the chat. Simulated conversations get ids in the reserved range, so nothing reaches a
 * real Chatwoot (see {@code shared.SimulatedConversations}).
 */
@Controller
@RequestMapping("/simulator")
class SimulatorController {

	/** The "who am I" form. */
	record CustomerForm(@NotBlank @Size(max = 80) String name, @NotBlank @Size(max = 20) String phone,
			@Pattern(regexp = "particular|profesional") String clientType) {
	}

	private final WebhookPoster poster;

	private final SimulatorChat chat;

	private final SampleImages samples;

	private final SimulatorSettings settings;

	SimulatorController(WebhookPoster poster, SimulatorChat chat, SampleImages samples, SimulatorSettings settings) {
		this.poster = poster;
		this.chat = chat;
		this.samples = samples;
		this.settings = settings;
	}

	@GetMapping
	String page(HttpSession session, Model model) {
		SimulatedCustomer customer = current(session);
		if (!model.containsAttribute("customerForm")) {
			model.addAttribute("customerForm", new CustomerForm("Cliente de prueba",
					"+3460" + (1_000_000 + ThreadLocalRandom.current().nextInt(8_999_999)), "particular"));
		}
		model.addAttribute("available", poster.available());
		model.addAttribute("samples", samples.all());
		model.addAttribute("maxFileMb", settings.maxFileBytes() / (1024 * 1024));
		if (customer != null) {
			chat.fill(customer, session, model);
		}
		return "admin/simulator/page";
	}

	@PostMapping("/start")
	String start(@Valid @ModelAttribute("customerForm") CustomerForm form, BindingResult errors, HttpSession session,
			Model model) {
		PhoneNumber phone = PhoneNumber.parse(form.phone()).orElse(null);
		if (phone == null) {
			errors.rejectValue("phone", "simulator.phone.invalid");
		}
		if (errors.hasErrors()) {
			model.addAttribute("available", poster.available());
			return "admin/simulator/page";
		}
		session.removeAttribute(SimulatorChat.SENT_FILES);
		session.setAttribute(SimulatedCustomer.SESSION_KEY,
				new SimulatedCustomer(poster.nextId(), form.name().trim(), phone.value(), form.clientType()));
		return "redirect:/simulator";
	}

	@PostMapping("/reset")
	String reset(HttpSession session) {
		session.removeAttribute(SimulatedCustomer.SESSION_KEY);
		session.removeAttribute(SimulatorChat.SENT_FILES);
		return "redirect:/simulator";
	}

	/** htmx: sends the message and answers with the chat as it is now; the poll shows the reply. */
	@PostMapping("/send")
	String send(@RequestParam String text, HttpSession session, Model model) throws InterruptedException {
		SimulatedCustomer customer = current(session);
		if (customer == null) {
			return "redirect:/simulator";
		}
		if (!text.isBlank() && text.length() <= 2000) {
			try {
				int status = poster.post(customer, text.strip());
				if (status >= 300) {
					model.addAttribute("sendError", "simulator.send.rejected");
				}
			}
			catch (IOException ex) {
				model.addAttribute("sendError", "simulator.send.unreachable");
			}
		}
		return chat(session, model);
	}

	/** htmx poll: the transcript and the state panel. */
	@GetMapping("/chat")
	String chat(HttpSession session, Model model) {
		SimulatedCustomer customer = current(session);
		if (customer == null) {
			return "redirect:/simulator";
		}
		chat.fill(customer, session, model);
		return "admin/simulator/fragments :: chat";
	}

	static @Nullable SimulatedCustomer current(HttpSession session) {
		return (SimulatedCustomer) session.getAttribute(SimulatedCustomer.SESSION_KEY);
	}

}
