package es.msia.bot.cases.dossier;

import java.util.List;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * What the data form of one case shows, already in Spanish and in the order of MSI's paper form: the
 * heading lines, then the sections. {@link DossierContent} builds it from a case; {@link DossierPdf} lays it
 * out. Keeping the two apart lets the layout be tested on any content and the content without a PDF.
 *
 * @param reference case reference, repeated in every page's footer
 * @param heading lines under the reference on the first page (category, status, dates)
 * @param generatedOn when the form was generated, as printed in the footer
 * @param sections the form's sections, in order
 */
public record Dossier(String reference, List<String> heading, String generatedOn, List<Section> sections) {

	public Dossier {
		heading = List.copyOf(heading);
		sections = List.copyOf(sections);
	}

	/**
	 * One titled block of the form.
	 *
	 * @param title upper-case title, as on the paper form
	 * @param note small line under the title, or {@code null}
	 * @param columns 2 for the short fields of the fixed blocks, 1 for element fields (long questions)
	 * @param fields labelled values
	 * @param listed plain lines after the fields (PDFs named, not embedded)
	 * @param photos thumbnails, in the order received
	 */
	public record Section(String title, @Nullable String note, int columns, List<Field> fields, List<String> listed,
			List<Photo> photos) {

		public Section {
			fields = List.copyOf(fields);
			listed = List.copyOf(listed);
			photos = List.copyOf(photos);
		}

	}

	/**
	 * A label and its value. A yes/no question of the paper form is printed as its two tick boxes.
	 *
	 * @param label Spanish label
	 * @param value the value as printed (empty when not given); for tick boxes {@code true}, {@code false} or
	 * empty (none ticked)
	 * @param tickBoxes whether to print the value as the NO / SÍ tick boxes
	 */
	public record Field(String label, String value, boolean tickBoxes) {

		public static Field of(String label, String value) {
			return new Field(label, value, false);
		}

		public static Field yesNo(String label, String value) {
			return new Field(label, value, true);
		}

	}

	/**
	 * A photo shown as a labelled thumbnail. The bytes are read only when the page is laid out, one photo at a
	 * time, so a case with many large photos never sits in memory whole.
	 *
	 * @param title what it shows (the item or document)
	 * @param caption which photo it is (number, file, review)
	 * @param mediaType its media type, to name it when it cannot be decoded (HEIC, WebP)
	 * @param bytes reads the stored file
	 */
	public record Photo(String title, String caption, String mediaType, Supplier<byte[]> bytes) {
	}

}
