package es.msia.bot.cases.dossier;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A4 pages written top-down: a cursor ({@link #y()}, from the top edge), a new page with the form's heading
 * whenever a block does not fit, and drawing primitives in top-down coordinates. Footers are drawn at the
 * end, when the page count is known.
 */
final class Sheet implements AutoCloseable {

	static final float WIDTH = PDRectangle.A4.getWidth();

	static final float HEIGHT = PDRectangle.A4.getHeight();

	static final float MARGIN = 40;

	static final float CONTENT = WIDTH - 2 * MARGIN;

	static final Color INK = new Color(0x22, 0x22, 0x22);

	static final Color MUTED = new Color(0x6b, 0x6b, 0x6b);

	/** The paper form's colours: dark teal brand, light teal titles, sand rule under the footer. */
	static final Color BRAND = new Color(0x1f, 0x5c, 0x66);

	static final Color TITLE = new Color(0x4a, 0x9f, 0xae);

	static final Color SAND = new Color(0xc9, 0xb7, 0x9c);

	private static final float TOP = 92;

	private static final float BOTTOM = HEIGHT - 58;

	private final PDDocument document;

	private final Fonts fonts;

	private final Words words;

	private final List<PDPage> pages = new ArrayList<>();

	private PDPageContentStream stream;

	private float y;

	private String continued;

	Sheet(PDDocument document, Fonts fonts, Words words) throws IOException {
		this.document = document;
		this.fonts = fonts;
		this.words = words;
		newPage();
	}

	/** The title repeated at the top of a page that a section runs on to; {@code null} between sections. */
	void continuing(String title) {
		this.continued = title;
	}

	float y() {
		return y;
	}

	void advance(float height) {
		y += height;
	}

	/** Starts a new page unless {@code height} more points fit on this one. */
	void ensure(float height) throws IOException {
		if (y + height > BOTTOM) {
			newPage();
		}
	}

	void text(String text, float x, float top, PDFont font, float size, Color color) throws IOException {
		stream.beginText();
		stream.setFont(font, size);
		stream.setNonStrokingColor(color);
		stream.newLineAtOffset(x, HEIGHT - top - size * 0.8f);
		stream.showText(fonts.printable(text, font));
		stream.endText();
	}

	void rectangle(float x, float top, float width, float height, Color stroke, float line) throws IOException {
		stream.setStrokingColor(stroke);
		stream.setLineWidth(line);
		stream.addRect(x, HEIGHT - top - height, width, height);
		stream.stroke();
	}

	void line(float x1, float top, float x2, Color color, float width) throws IOException {
		stream.setStrokingColor(color);
		stream.setLineWidth(width);
		stream.moveTo(x1, HEIGHT - top);
		stream.lineTo(x2, HEIGHT - top);
		stream.stroke();
	}

	void cross(float x, float top, float size) throws IOException {
		stream.setStrokingColor(INK);
		stream.setLineWidth(1.1f);
		stream.moveTo(x + 2, HEIGHT - top - 2);
		stream.lineTo(x + size - 2, HEIGHT - top - size + 2);
		stream.moveTo(x + size - 2, HEIGHT - top - 2);
		stream.lineTo(x + 2, HEIGHT - top - size + 2);
		stream.stroke();
	}

	void image(PDImageXObject image, float x, float top, float width, float height) throws IOException {
		stream.drawImage(image, x, HEIGHT - top - height, width, height);
	}

	/** Writes every page's footer (site, reference, page n of m) and closes the last page. */
	void footers() throws IOException {
		stream.close();
		for (int i = 0; i < pages.size(); i++) {
			try (PDPageContentStream out = new PDPageContentStream(document, pages.get(i),
					PDPageContentStream.AppendMode.APPEND, true)) {
				stream = out;
				String site = words.site();
				float siteWidth = fonts.width(site, fonts.regular(), 9);
				text(site, (WIDTH - siteWidth) / 2, HEIGHT - 44, fonts.regular(), 9, INK);
				line(MARGIN + 40, HEIGHT - 30, WIDTH - MARGIN - 40, SAND, 2.5f);
				String page = words.page(i + 1, pages.size());
				float pageWidth = fonts.width(page, fonts.regular(), 7);
				text(page, (WIDTH - pageWidth) / 2, HEIGHT - 24, fonts.regular(), 7, MUTED);
			}
		}
		stream = null;
	}

	@Override
	public void close() throws IOException {
		if (stream != null) {
			stream.close();
		}
	}

	private void newPage() throws IOException {
		if (stream != null) {
			stream.close();
		}
		PDPage page = new PDPage(PDRectangle.A4);
		document.addPage(page);
		pages.add(page);
		stream = new PDPageContentStream(document, page);
		heading();
		y = TOP;
		if (continued != null) {
			float width = fonts.width(continued, fonts.bold(), 8);
			text(continued, (WIDTH - width) / 2, y, fonts.bold(), 8, TITLE);
			y += 16;
		}
	}

	/** The paper form's heading on every page: the brand and the company's line, over a thin rule. */
	private void heading() throws IOException {
		text(words.brand(), MARGIN, 34, fonts.bold(), 26, BRAND);
		float brand = fonts.width(words.brand(), fonts.bold(), 26);
		text(words.title(), MARGIN + brand + 12, 40, fonts.regular(), 17, BRAND);
		line(MARGIN, 72, WIDTH - MARGIN, SAND, 1);
	}

	/** The heading's and footer's words; the sheet only knows where they go. */
	interface Words {

		String brand();

		String title();

		String site();

		String page(int number, int of);

	}

}
