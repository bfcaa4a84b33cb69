package es.msia.bot.conversation.reply;

import java.util.ArrayList;
import java.util.List;

/**
 * WhatsApp refuses texts over 4,096 characters; long replies are split between paragraphs (or lines,
 * if one paragraph alone is too long), never inside a word.
 */
public final class WhatsAppText {

	public static final int MAX_LENGTH = 4096;

	private WhatsAppText() {
	}

	public static List<String> split(String text) {
		return split(text, MAX_LENGTH);
	}

	static List<String> split(String text, int max) {
		List<String> parts = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String piece : pieces(text, max)) {
			String separator = current.length() == 0 ? "" : "\n\n";
			if (current.length() + separator.length() + piece.length() > max) {
				parts.add(current.toString());
				current.setLength(0);
				separator = "";
			}
			current.append(separator).append(piece);
		}
		if (current.length() > 0) {
			parts.add(current.toString());
		}
		return parts;
	}

	private static List<String> pieces(String text, int max) {
		List<String> pieces = new ArrayList<>();
		for (String paragraph : text.split("\n\n")) {
			if (paragraph.length() <= max) {
				pieces.add(paragraph);
				continue;
			}
			StringBuilder chunk = new StringBuilder();
			for (String word : paragraph.split("(?<=\\s)")) {
				if (chunk.length() + word.length() > max) {
					pieces.add(chunk.toString().strip());
					chunk.setLength(0);
				}
				chunk.append(word);
			}
			pieces.add(chunk.toString().strip());
		}
		return pieces;
	}

}
