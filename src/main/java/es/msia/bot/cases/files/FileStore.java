package es.msia.bot.cases.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Content-addressed storage under {@code MSIA_STORAGE_DIR}: {@code <dir>/<aa>/<sha256>}. The same bytes are
 * stored once, whoever sends them. Files are only read back for authenticated staff.
 */
public final class FileStore {

	private final Path root;

	public FileStore(Path root) {
		this.root = root;
	}

	/** Stores the bytes (once) and returns their address; refuses types other than the accepted ones. */
	public StoredFile store(byte[] bytes) {
		MediaType type = MediaType.sniff(bytes).orElseThrow(() -> new FileRefused("type", "unrecognised content"));
		String sha = sha256(bytes);
		Path target = path(sha);
		try {
			if (!Files.exists(target)) {
				Files.createDirectories(target.getParent());
				Path temp = Files.createTempFile(target.getParent(), sha, ".part");
				Files.write(temp, bytes);
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new StoredFile(sha, type, bytes.length);
	}

	/** Where the file with this hash lives. */
	public Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256);
	}

	/** Deletes the stored file; false when it was not there. */
	public boolean delete(String sha256) {
		try {
			return Files.deleteIfExists(path(sha256));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
