package es.msia.bot.catalog.jdbc;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Example images uploaded from the panel, kept in {@code catalog_uploaded_images} under paths
 * {@code Subidas/<uuid>.<ext>} (served by the same images endpoint as the seed's slides).
 */
@Component
public class UploadedImages {

	/** Folder (below {@code Imagenes/}) of uploaded images. */
	public static final String FOLDER = "Subidas/";

	/** An image's bytes and type. */
	public record Image(String contentType, byte[] bytes) {
	}

	/** An image type recognised by its first bytes. */
	public record ImageType(String contentType, String extension) {
	}

	private final JdbcClient jdbc;

	UploadedImages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The type of an image judged by its magic bytes, never by its name or declared type: PNG, JPEG or WebP.
	 */
	public static Optional<ImageType> sniff(byte[] b) {
		if (b.length >= 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
				&& b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
			return Optional.of(new ImageType("image/png", "png"));
		}
		if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
			return Optional.of(new ImageType("image/jpeg", "jpg"));
		}
		if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
				&& b[10] == 'B' && b[11] == 'P') {
			return Optional.of(new ImageType("image/webp", "webp"));
		}
		return Optional.empty();
	}

	/** Stores the image and returns its path below {@code Imagenes/}. */
	public String store(String actor, ImageType type, byte[] bytes) {
		String path = FOLDER + UUID.randomUUID() + "." + type.extension();
		this.jdbc.sql("INSERT INTO catalog_uploaded_images (path, content_type, bytes, uploaded_by) VALUES (:p, :t, :b, :u)")
			.param("p", path)
			.param("t", type.contentType())
			.param("b", bytes)
			.param("u", actor)
			.update();
		return path;
	}

	/** An uploaded image by its path below {@code Imagenes/}. */
	public Optional<Image> find(String path) {
		return this.jdbc.sql("SELECT content_type, bytes FROM catalog_uploaded_images WHERE path = :p")
			.param("p", path)
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("bytes")))
			.optional();
	}

}
