package es.msia.bot.cases.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * DejaVu Sans (regular and bold, Bitstream Vera licence, shipped in {@code dossier/fonts/}) embedded as
 * subsets: the standard 14 PDF fonts cannot print every Spanish character a customer writes, and an
 * embedded font prints the same on every viewer. Characters the font lacks (emoji) print as '?' instead of
 * failing the whole form.
 */
final class Fonts {

	private final PDFont regular;

	private final PDFont bold;

	/** Whether each font has a glyph for a code point; asking the font each time is slow. */
	private final java.util.Map<PDFont, java.util.Map<Integer, Boolean>> glyphs = new java.util.HashMap<>();

	Fonts(PDDocument document) {
		this.regular = load(document, "DejaVuSans.ttf");
		this.bold = load(document, "DejaVuSans-Bold.ttf");
	}

	PDFont regular() {
		return regular;
	}

	PDFont bold() {
		return bold;
	}

	float width(String text, PDFont font, float size) throws IOException {
		return font.getStringWidth(printable(text, font)) / 1000 * size;
	}

	/** The text on one line, with what the font cannot show replaced. */
	String printable(String text, PDFont font) {
		StringBuilder out = new StringBuilder();
		java.util.Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new java.util.HashMap<>());
		text.replaceAll("\\s+", " ")
			.codePoints()
			.forEach(cp -> out.appendCodePoint(known.computeIfAbsent(cp, c -> shows(font, c)) ? cp : '?'));
		return out.toString();
	}

	/** Splits the text into lines no wider than {@code width}; a word longer than a line is cut. */
	List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
		List<String> lines = new ArrayList<>();
		String line = "";
		for (String word : printable(text, font).trim().split(" ")) {
			String candidate = line.isEmpty() ? word : line + " " + word;
			if (width(candidate, font, size) <= width) {
				line = candidate;
				continue;
			}
			if (!line.isEmpty()) {
				lines.add(line);
			}
			line = word;
			while (width(line, font, size) > width && line.length() > 1) {
				int cut = line.length() - 1;
				while (cut > 1 && width(line.substring(0, cut), font, size) > width) {
					cut--;
				}
				lines.add(line.substring(0, cut));
				line = line.substring(cut);
			}
		}
		if (!line.isEmpty() || lines.isEmpty()) {
			lines.add(line);
		}
		return lines;
	}

	private static boolean shows(PDFont font, int codePoint) {
		try {
			font.encode(new String(Character.toChars(codePoint)));
			return true;
		}
		catch (IOException | IllegalArgumentException ex) {
			return false;
		}
	}

	private static PDFont load(PDDocument document, String file) {
		try (InputStream in = Fonts.class.getResourceAsStream("/dossier/fonts/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Missing font " + file);
			}
			return PDType0Font.load(document, in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
