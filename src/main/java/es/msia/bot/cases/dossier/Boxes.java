package es.msia.bot.cases.dossier;

import java.io.IOException;
import java.util.List;

import static es.msia.bot.cases.dossier.Sheet.CONTENT;
import static es.msia.bot.cases.dossier.Sheet.INK;
import static es.msia.bot.cases.dossier.Sheet.MARGIN;
import static es.msia.bot.cases.dossier.Sheet.MUTED;

/**
 * The paper form's rows: a label, then its value in a box (long values wrap inside the box), or the NO / SÍ
 * tick boxes of a yes/no question. Two columns for the short fields of the fixed blocks, one for the long
 * questions of an element.
 */
final class Boxes {

	private static final float GAP = 14;

	private static final float LABEL_SIZE = 8;

	private static final float VALUE_SIZE = 8.5f;

	private static final float LINE = 10.5f;

	private static final float TICK = 9;

	private final Sheet sheet;

	private final Fonts fonts;

	private final DossierTexts texts;

	Boxes(Sheet sheet, Fonts fonts, DossierTexts texts) {
		this.sheet = sheet;
		this.fonts = fonts;
		this.texts = texts;
	}

	void fields(List<Dossier.Field> fields, int columns) throws IOException {
		float column = (CONTENT - GAP * (columns - 1)) / columns;
		float label = columns == 1 ? CONTENT * 0.46f : column * 0.40f;
		for (int start = 0; start < fields.size(); start += columns) {
			List<Dossier.Field> row = fields.subList(start, Math.min(fields.size(), start + columns));
			float height = 0;
			for (Dossier.Field field : row) {
				height = Math.max(height, height(field, label, column));
			}
			sheet.ensure(height + 4);
			for (int i = 0; i < row.size(); i++) {
				cell(row.get(i), MARGIN + i * (column + GAP), label, column);
			}
			sheet.advance(height + 4);
		}
	}

	private float height(Dossier.Field field, float label, float column) throws IOException {
		if (field.label().isBlank()) {
			return field.value().isBlank() ? 0 : fonts.wrap(field.value(), fonts.regular(), LABEL_SIZE, column).size() * 9.5f + 3;
		}
		int labelLines = fonts.wrap(field.label(), fonts.regular(), LABEL_SIZE, label).size();
		int valueLines = field.tickBoxes() ? 1 : valueLines(field, label, column).size();
		return Math.max(labelLines * 9.5f + 3, valueLines * LINE + 5);
	}

	private void cell(Dossier.Field field, float x, float label, float column) throws IOException {
		float top = sheet.y();
		if (field.label().isBlank()) {
			// A spacer keeps a question beside its answer; a label-less line is a remark.
			float y = top + 3;
			for (String line : fonts.wrap(field.value(), fonts.regular(), LABEL_SIZE, column)) {
				sheet.text(line, x, y, fonts.regular(), LABEL_SIZE, MUTED);
				y += 9.5f;
			}
			return;
		}
		float y = top + 3;
		for (String line : fonts.wrap(field.label(), fonts.regular(), LABEL_SIZE, label)) {
			sheet.text(line, x, y, fonts.regular(), LABEL_SIZE, INK);
			y += 9.5f;
		}
		float boxX = x + label + 4;
		if (field.tickBoxes()) {
			ticks(field.value(), boxX, top + 1.5f);
			return;
		}
		List<String> lines = valueLines(field, label, column);
		sheet.rectangle(boxX, top, column - label - 4, lines.size() * LINE + 5, MUTED, 0.6f);
		float line = top + 3;
		for (String text : lines) {
			sheet.text(text, boxX + 4, line, fonts.regular(), VALUE_SIZE, text.equals(texts.text("empty")) ? MUTED : INK);
			line += LINE;
		}
	}

	/** NO [ ]  SÍ [x], in the paper form's order; none ticked when the question was not answered. */
	private void ticks(String value, float x, float top) throws IOException {
		float cursor = x;
		for (String option : List.of("false", "true")) {
			String word = texts.text(option.equals("true") ? "yes" : "no");
			sheet.text(word, cursor, top + 1, fonts.regular(), LABEL_SIZE, INK);
			cursor += fonts.width(word, fonts.regular(), LABEL_SIZE) + 4;
			sheet.rectangle(cursor, top, TICK, TICK, INK, 0.6f);
			if (option.equals(value)) {
				sheet.cross(cursor, top, TICK);
			}
			cursor += TICK + 16;
		}
	}

	private List<String> valueLines(Dossier.Field field, float label, float column) throws IOException {
		String value = field.value().isBlank() ? texts.text("empty") : field.value();
		return fonts.wrap(value, fonts.regular(), VALUE_SIZE, column - label - 12);
	}

}
