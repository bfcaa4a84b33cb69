package es.msia.bot.cases.files;

import java.util.Optional;

/** The file types a case accepts, recognised by their magic bytes, never by name or declared type. */
public enum MediaType {

	JPEG("image/jpeg", "jpg"), PNG("image/png", "png"), WEBP("image/webp", "webp"), HEIC("image/heic", "heic"),
	PDF("application/pdf", "pdf");

	private final String mime;

	private final String extension;

	MediaType(String mime, String extension) {
		this.mime = mime;
		this.extension = extension;
	}

	public String mime() {
		return mime;
	}

	public String extension() {
		return extension;
	}

	/** The type of these bytes, if accepted. */
	public static Optional<MediaType> sniff(byte[] b) {
		if (starts(b, 0, 0xFF, 0xD8, 0xFF)) {
			return Optional.of(JPEG);
		}
		if (starts(b, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of(PNG);
		}
		if (starts(b, 0, 'R', 'I', 'F', 'F') && starts(b, 8, 'W', 'E', 'B', 'P')) {
			return Optional.of(WEBP);
		}
		if (starts(b, 4, 'f', 't', 'y', 'p') && b.length >= 12) {
			String brand = new String(b, 8, 4, java.nio.charset.StandardCharsets.US_ASCII);
			if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.equals("msf1")) {
				return Optional.of(HEIC);
			}
		}
		if (starts(b, 0, '%', 'P', 'D', 'F', '-')) {
			return Optional.of(PDF);
		}
		return Optional.empty();
	}

	private static boolean starts(byte[] bytes, int offset, int... expected) {
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
