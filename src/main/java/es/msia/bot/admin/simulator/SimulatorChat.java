package es.msia.bot.admin.simulator;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.admin.conversations.ConversationPanels;
import es.msia.bot.messaging.Transcript;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the simulator's chat: the shared transcript and state panels, plus what only the simulator
 * shows: the example images the bot sent, drawn inline (the transcript records such a reply by its file
 * name), and the files this staff member sent as the customer in this chat (kept in the session).
 */
@Component
class SimulatorChat {

	static final String SENT_FILES = "simulator.files";

	/** A file sent as the customer: name, type and when. */
	record SentFile(String name, String mime, Instant at) implements Serializable {
	}

	private final ConversationPanels panels;

	private final SampleImages samples;

	SimulatorChat(ConversationPanels panels, SampleImages samples) {
		this.panels = panels;
		this.samples = samples;
	}

	/** Fills the chat fragment's model for the session's customer. */
	void fill(SimulatedCustomer customer, HttpSession session, Model model) {
		model.addAttribute("customer", customer);
		panels.fill(customer.conversationId(), model);
		model.addAttribute("botImages", botImages(model));
		model.addAttribute("sentFiles", sentFiles(session));
	}

	/** Remembers a file sent in this session's chat. */
	static void remember(HttpSession session, SentFile file) {
		List<SentFile> files = new ArrayList<>(sentFiles(session));
		files.add(file);
		session.setAttribute(SENT_FILES, List.copyOf(files));
	}

	@SuppressWarnings("unchecked")
	static List<SentFile> sentFiles(HttpSession session) {
		Object files = session.getAttribute(SENT_FILES);
		return files == null ? List.of() : (List<SentFile>) files;
	}

	/** Bot reply text (an image's file name) → the panel URL of that image. */
	private Map<String, String> botImages(Model model) {
		Map<String, String> images = new HashMap<>();
		if (model.getAttribute("lines") instanceof List<?> lines) {
			for (Object item : lines) {
				if (item instanceof Transcript.Line line && "bot".equals(line.senderKind()) && isImageName(line.content())) {
					samples.byFileName(line.content())
						.ifPresent(sample -> images.put(line.content(), "/simulator/samples/" + sample.path()));
				}
			}
		}
		return images;
	}

	private static boolean isImageName(@Nullable String content) {
		return content != null && content.length() < 200 && content.matches("[^\\s/]+\\.(?i:png|jpe?g|webp)");
	}

}
