package es.msia.bot.admin.simulator;

import java.util.Arrays;
import java.util.Optional;

/**
 * What staff may send as the simulated customer: photos and PDFs, recognised by their first bytes (a
 * declared type or a file name proves nothing). {@code chatwootType} is the {@code file_type} Chatwoot gives
 * a WhatsApp image or document.
 */
enum SimulatedFileType {

	JPEG("image/jpeg", "jpg", "image", new int[] { 0xFF, 0xD8, 0xFF }),
	PNG("image/png", "png", "image", new int[] { 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }),
	WEBP("image/webp", "webp", "image", new int[] { 'R', 'I', 'F', 'F' }),
	PDF("application/pdf", "pdf", "file", new int[] { '%', 'P', 'D', 'F', '-' });

	private final String mime;

	private final String extension;

	private final String chatwootType;

	private final int[] magic;

	SimulatedFileType(String mime, String extension, String chatwootType, int[] magic) {
		this.mime = mime;
		this.extension = extension;
		this.chatwootType = chatwootType;
		this.magic = magic;
	}

	String mime() {
		return mime;
	}

	String extension() {
		return extension;
	}

	String chatwootType() {
		return chatwootType;
	}

	/** The type of these bytes, if it is one staff may send. */
	static Optional<SimulatedFileType> sniff(byte[] bytes) {
		return Arrays.stream(values()).filter(type -> type.matches(bytes)).findFirst();
	}

	/**
	 * True when a browser's declared type does not contradict the bytes: absent or generic is fine
	 * (some browsers send {@code application/octet-stream} for HEIC or unknown extensions), another known
	 * type is not.
	 */
	boolean agreesWith(String declared) {
		String type = declared.toLowerCase(java.util.Locale.ROOT).split(";")[0].strip();
		return type.isEmpty() || type.equals("application/octet-stream") || type.equals(mime)
				|| (this == JPEG && type.equals("image/jpg"));
	}

	private boolean matches(byte[] bytes) {
		if (!startsWith(bytes, 0, magic)) {
			return false;
		}
		return this != WEBP || startsWith(bytes, 8, new int[] { 'W', 'E', 'B', 'P' });
	}

	private static boolean startsWith(byte[] bytes, int offset, int[] expected) {
		if (bytes.length < offset + expected.length) {
			return false;
		}
		for (int i = 0; i < expected.length; i++) {
			if ((bytes[offset + i] & 0xFF) != expected[i]) {
				return false;
			}
		}
		return true;
	}

}
