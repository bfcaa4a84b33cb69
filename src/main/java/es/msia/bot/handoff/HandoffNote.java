package es.msia.bot.handoff;

import java.util.List;

import es.msia.bot.messaging.Transcript;
import org.springframework.stereotype.Component;

/**
 * The private note staff read in Chatwoot: the reason, the engine's context pack and the last messages
 * of the transcript, so nobody has to scroll back to understand the case.
 */
@Component
class HandoffNote {

	private static final int LAST_MESSAGES = 8;

	private static final int MAX_LINE = 300;

	private final Transcript transcript;

	private final HandoffTexts texts;

	HandoffNote(Transcript transcript, HandoffTexts texts) {
		this.transcript = transcript;
		this.texts = texts;
	}

	String compose(HandoffRequest request) {
		StringBuilder note = new StringBuilder(texts.get("handoff.note.title", texts.reason(request.reason())));
		if (!request.contextPack().isBlank()) {
			note.append("\n\n").append(texts.get("handoff.note.context")).append('\n').append(request.contextPack().strip());
		}
		List<Transcript.Line> lines = transcript.latest(request.conversationId(), LAST_MESSAGES);
		if (!lines.isEmpty()) {
			note.append("\n\n").append(texts.get("handoff.note.lastMessages"));
			lines.forEach(line -> note.append("\n- ")
				.append(texts.get("handoff.note.sender." + line.senderKind()))
				.append(": ")
				.append(line.content() == null ? texts.get("handoff.note.attachment") : shorten(line.content())));
		}
		return note.append("\n\n").append(texts.get("handoff.note.commands")).toString();
	}

	private static String shorten(String content) {
		String flat = content.replaceAll("\\s+", " ").strip();
		return flat.length() <= MAX_LINE ? flat : flat.substring(0, MAX_LINE) + "…";
	}

}
