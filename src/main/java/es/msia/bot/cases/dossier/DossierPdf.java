package es.msia.bot.cases.dossier;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

import static es.msia.bot.cases.dossier.Sheet.CONTENT;
import static es.msia.bot.cases.dossier.Sheet.INK;
import static es.msia.bot.cases.dossier.Sheet.MARGIN;
import static es.msia.bot.cases.dossier.Sheet.MUTED;
import static es.msia.bot.cases.dossier.Sheet.TITLE;

/**
 * Lays out a {@link Dossier} as MSI's paper data form: the brand heading on every page, centred underlined
 * section titles, labels with their values in boxes (two columns for the fixed blocks, one for element
 * questions), tick boxes for yes/no questions, and photos as labelled thumbnails three to a row. Nothing
 * here knows about cases: it prints what it is given.
 */
public final class DossierPdf {

	private static final float GAP = 14;

	private static final float THUMB_HEIGHT = 112;

	private static final int THUMBS_PER_ROW = 3;

	private final DossierTexts texts = new DossierTexts();

	/** The form as PDF bytes. */
	public byte[] render(Dossier dossier) {
		try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			info(document, dossier);
			Fonts fonts = new Fonts(document);
			try (Sheet sheet = new Sheet(document, fonts, words(dossier))) {
				Boxes boxes = new Boxes(sheet, fonts, texts);
				heading(sheet, fonts, dossier);
				for (Dossier.Section section : dossier.sections()) {
					section(sheet, fonts, boxes, document, section);
				}
				sheet.footers();
			}
			document.save(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void heading(Sheet sheet, Fonts fonts, Dossier dossier) throws IOException {
		sheet.text(texts.text("header.case", dossier.reference()), MARGIN, sheet.y(), fonts.bold(), 12, INK);
		sheet.advance(17);
		for (String line : dossier.heading()) {
			sheet.text(line, MARGIN, sheet.y(), fonts.regular(), 8.5f, MUTED);
			sheet.advance(12);
		}
		sheet.advance(4);
	}

	private void section(Sheet sheet, Fonts fonts, Boxes boxes, PDDocument document, Dossier.Section section)
			throws IOException {
		// A title is never left alone at the bottom of a page.
		sheet.ensure(80);
		sheet.advance(8);
		float width = fonts.width(section.title(), fonts.bold(), 10.5f);
		float x = MARGIN + (CONTENT - width) / 2;
		sheet.text(section.title(), x, sheet.y(), fonts.bold(), 10.5f, TITLE);
		sheet.line(x, sheet.y() + 12.5f, x + width, TITLE, 0.8f);
		sheet.advance(17);
		if (section.note() != null) {
			float noteWidth = fonts.width(section.note(), fonts.regular(), 7.5f);
			sheet.text(section.note(), MARGIN + (CONTENT - noteWidth) / 2, sheet.y(), fonts.regular(), 7.5f, TITLE);
			sheet.advance(13);
		}
		sheet.continuing(texts.text("section.continued", section.title()));
		boxes.fields(section.fields(), section.columns());
		for (String line : section.listed()) {
			for (String part : fonts.wrap(line, fonts.regular(), 8.5f, CONTENT)) {
				sheet.ensure(12);
				sheet.text(part, MARGIN, sheet.y(), fonts.regular(), 8.5f, INK);
				sheet.advance(12);
			}
		}
		photos(sheet, fonts, document, section.photos());
		sheet.continuing(null);
		sheet.advance(6);
	}

	private void photos(Sheet sheet, Fonts fonts, PDDocument document, List<Dossier.Photo> photos) throws IOException {
		float cell = (CONTENT - GAP * (THUMBS_PER_ROW - 1)) / THUMBS_PER_ROW;
		for (int start = 0; start < photos.size(); start += THUMBS_PER_ROW) {
			List<Dossier.Photo> row = photos.subList(start, Math.min(photos.size(), start + THUMBS_PER_ROW));
			float height = THUMB_HEIGHT + 4 + captionHeight(fonts, row, cell);
			sheet.ensure(height + 8);
			sheet.advance(4);
			for (int i = 0; i < row.size(); i++) {
				thumbnail(sheet, fonts, document, row.get(i), MARGIN + i * (cell + GAP), cell);
			}
			sheet.advance(height + 6);
		}
	}

	private void thumbnail(Sheet sheet, Fonts fonts, PDDocument document, Dossier.Photo photo, float x, float cell)
			throws IOException {
		float top = sheet.y();
		Optional<PDImageXObject> image = Thumbnails.of(document, photo.bytes().get());
		if (image.isPresent()) {
			PDImageXObject img = image.get();
			float scale = Math.min((cell - 4) / img.getWidth(), (THUMB_HEIGHT - 4) / img.getHeight());
			float w = img.getWidth() * scale;
			float h = img.getHeight() * scale;
			sheet.image(img, x + (cell - w) / 2, top + (THUMB_HEIGHT - h) / 2, w, h);
		}
		else {
			String unreadable = texts.text("photo.unreadable", photo.mediaType());
			float y = top + THUMB_HEIGHT / 2 - 10;
			for (String line : fonts.wrap(unreadable, fonts.regular(), 7.5f, cell - 12)) {
				sheet.text(line, x + 6, y, fonts.regular(), 7.5f, MUTED);
				y += 10;
			}
		}
		sheet.rectangle(x, top, cell, THUMB_HEIGHT, MUTED, 0.5f);
		float y = top + THUMB_HEIGHT + 4;
		for (String line : titleLines(fonts, photo, cell)) {
			sheet.text(line, x, y, fonts.bold(), 7.5f, INK);
			y += 9.5f;
		}
		for (String line : fonts.wrap(photo.caption(), fonts.regular(), 7, cell)) {
			sheet.text(line, x, y, fonts.regular(), 7, MUTED);
			y += 9;
		}
	}

	private static float captionHeight(Fonts fonts, List<Dossier.Photo> row, float cell) throws IOException {
		float most = 0;
		for (Dossier.Photo photo : row) {
			float height = titleLines(fonts, photo, cell).size() * 9.5f
					+ fonts.wrap(photo.caption(), fonts.regular(), 7, cell).size() * 9;
			most = Math.max(most, height);
		}
		return most;
	}

	private static List<String> titleLines(Fonts fonts, Dossier.Photo photo, float cell) throws IOException {
		List<String> lines = fonts.wrap(photo.title(), fonts.bold(), 7.5f, cell);
		return lines.size() <= 2 ? lines : List.of(lines.get(0), lines.get(1) + "…");
	}

	private Sheet.Words words(Dossier dossier) {
		return new Sheet.Words() {

			public String brand() {
				return texts.text("header.brand");
			}

			public String title() {
				return texts.text("header.title");
			}

			public String site() {
				return texts.text("footer.site");
			}

			public String page(int number, int of) {
				return texts.text("footer.page", dossier.reference(), dossier.generatedOn(), String.valueOf(number),
						String.valueOf(of));
			}

		};
	}

	private static void info(PDDocument document, Dossier dossier) {
		PDDocumentInformation info = document.getDocumentInformation();
		info.setTitle(dossier.reference());
		info.setCreator("MSI-a");
	}

}
