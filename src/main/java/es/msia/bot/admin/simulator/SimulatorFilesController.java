package es.msia.bot.admin.simulator;

import java.io.IOException;
import java.time.Instant;

import es.msia.bot.admin.simulator.HandedOverFiles.HeldFile;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The simulated customer sends a photo or a PDF: uploaded by staff, or one of the catalogue's example
 * images. The file is checked (size, then its first bytes against the declared type), held for the agent
 * behind a short-lived token ({@link HandedOverFiles}) and announced in a webhook exactly like Chatwoot's, so
 * case intake downloads and files it as it would a real customer's. A refused file answers 413 or 415 with
 * the chat and the reason, which htmx shows in place.
 */
@Controller
@RequestMapping("/simulator")
class SimulatorFilesController {

	private final WebhookPoster poster;

	private final HandedOverFiles files;

	private final SampleImages samples;

	private final SimulatorChat chat;

	private final SimulatorSettings settings;

	SimulatorFilesController(WebhookPoster poster, HandedOverFiles files, SampleImages samples, SimulatorChat chat,
			SimulatorSettings settings) {
		this.poster = poster;
		this.files = files;
		this.samples = samples;
		this.chat = chat;
		this.settings = settings;
	}

	/** htmx (multipart): sends the uploaded file, with the optional caption. */
	@PostMapping("/upload")
	String upload(@RequestParam("file") MultipartFile upload, @RequestParam(defaultValue = "") String caption,
			HttpSession session, Model model, HttpServletResponse response) throws IOException, InterruptedException {
		SimulatedCustomer customer = SimulatorController.current(session);
		if (customer == null) {
			return "redirect:/simulator";
		}
		if (upload.isEmpty()) {
			return refuse(HttpStatus.BAD_REQUEST, "simulator.file.empty", customer, session, model, response);
		}
		if (upload.getSize() > settings.maxFileBytes()) {
			return refuse(HttpStatus.CONTENT_TOO_LARGE, "simulator.file.tooLarge", customer, session, model, response);
		}
		byte[] bytes = upload.getBytes();
		SimulatedFileType type = SimulatedFileType.sniff(bytes).orElse(null);
		String declared = upload.getContentType() == null ? "" : upload.getContentType();
		if (type == null || !type.agreesWith(declared)) {
			return refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "simulator.file.type", customer, session, model, response);
		}
		send(customer, type, fileName(upload.getOriginalFilename(), type), bytes, caption, session, model);
		return render(customer, session, model);
	}

	/** htmx: sends one of the catalogue's example images as the customer's photo. */
	@PostMapping("/sample")
	String sample(@RequestParam String path, @RequestParam(defaultValue = "") String caption, HttpSession session,
			Model model, HttpServletResponse response) throws IOException, InterruptedException {
		SimulatedCustomer customer = SimulatorController.current(session);
		if (customer == null) {
			return "redirect:/simulator";
		}
		byte[] bytes = samples.bytes(path).orElse(null);
		SimulatedFileType type = bytes == null ? null : SimulatedFileType.sniff(bytes).orElse(null);
		if (type == null) {
			return refuse(HttpStatus.BAD_REQUEST, "simulator.sample.unknown", customer, session, model, response);
		}
		send(customer, type, samples.find(path).orElseThrow().fileName(), bytes, caption, session, model);
		return render(customer, session, model);
	}

	/** An example image, for the picker's preview and the bot's replies in the chat. */
	@GetMapping("/samples/{*path}")
	ResponseEntity<byte[]> sampleImage(@PathVariable String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		return samples.bytes(relative)
			.map(bytes -> ResponseEntity.ok()
				.contentType(MediaTypeFactory.getMediaType(relative).orElse(MediaType.APPLICATION_OCTET_STREAM))
				.cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)).cachePrivate())
				.body(bytes))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private void send(SimulatedCustomer customer, SimulatedFileType type, String name, byte[] bytes, String caption,
			HttpSession session, Model model) throws InterruptedException {
		HeldFile held = files.hold(type, name, bytes);
		String text = caption.isBlank() || caption.length() > 2000 ? null : caption.strip();
		try {
			int status = poster.post(customer, text, new WebhookPoster.Attachment(type, files.link(held), bytes.length));
			if (status >= 300) {
				model.addAttribute("sendError", "simulator.send.rejected");
				return;
			}
			SimulatorChat.remember(session, new SimulatorChat.SentFile(name, type.mime(), Instant.now()));
		}
		catch (IOException ex) {
			model.addAttribute("sendError", "simulator.send.unreachable");
		}
	}

	private String refuse(HttpStatus status, String reason, SimulatedCustomer customer, HttpSession session,
			Model model, HttpServletResponse response) {
		response.setStatus(status.value());
		model.addAttribute("sendError", reason);
		return render(customer, session, model);
	}

	private String render(SimulatedCustomer customer, HttpSession session, Model model) {
		chat.fill(customer, session, model);
		return "admin/simulator/fragments :: chat";
	}

	/** A name for the transcript and the list of sent files: the browser's, cut to its last segment, or made up. */
	static String fileName(@Nullable String original, SimulatedFileType type) {
		String name = original == null ? "" : original.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}]", "").strip();
		if (name.isEmpty() || name.length() > 120) {
			return "archivo." + type.extension();
		}
		return name;
	}

}
