package es.msia.bot.platform.boot;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * One MSI-a per persistent data directory. Two would each start a PostgreSQL on the same cluster (the
 * second fails on postmaster.pid after a 10 s wait) and, worse, two Redis servers appending to the same
 * file. The second start is refused at once instead, naming the process that holds the directory.
 * <p>
 * The lock is an OS file lock, held for the life of the JVM and released by the kernel however the JVM
 * ends, so a crash never leaves a lock behind that needs deleting by hand. The file keeps the holder's
 * pid only for the message.
 */
final class DataDirectoryLock {

	static final String FILE_NAME = "msia.lock";

	private static @Nullable FileLock held;

	private DataDirectoryLock() {
	}

	/** Takes the lock on {@code dataDir} once per JVM, or throws {@link EmbeddedServicesFailure}. */
	static synchronized void acquire(Path dataDir) {
		if (held == null) {
			held = lock(dataDir);
		}
	}

	/** Locks {@code dataDir} and records this process as the holder, or throws {@link EmbeddedServicesFailure}. */
	static FileLock lock(Path dataDir) {
		Path file = dataDir.toAbsolutePath().resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDir);
			FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
					StandardOpenOption.WRITE);
			FileLock lock = tryLock(channel);
			if (lock == null) {
				String holder = holder(file);
				channel.close();
				throw new EmbeddedServicesFailure(
						"Another MSI-a" + holder + " is already running on the data directory " + dataDir.toAbsolutePath(),
						"Stop that one first, or give this one its own directory with MSIA_DATA_DIR.");
			}
			channel.truncate(0);
			channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
			channel.force(false);
			return lock;
		}
		catch (IOException ex) {
			throw new EmbeddedServicesFailure("Cannot lock the data directory " + dataDir.toAbsolutePath() + ": "
					+ ex.getMessage(), "Check that the directory exists and is writable by this user.", ex);
		}
	}

	private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
		try {
			return channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			// Held by this very JVM through another channel: as much a second start as another process.
			return null;
		}
	}

	private static String holder(Path file) {
		try {
			String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
			return pid.matches("\\d+") ? " (pid " + pid + ")" : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

}
