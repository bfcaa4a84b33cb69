package es.msia.bot.platform.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;


/**
 * What an MSI-a that did not stop cleanly (SIGKILL, the OOM killer, a power cut) leaves in a persistent
 * data directory, found and dealt with before the embedded services start there again.
 * <p>
 * A killed JVM leaves its embedded PostgreSQL and Redis running: both are separate processes, and only
 * the JVM's shutdown hooks would have stopped them. The orphan PostgreSQL keeps the cluster
 * ({@code postmaster.pid}), the orphan Redis keeps appending to the same file a new one would open. Both
 * are stopped the way a clean shutdown would (PostgreSQL with a fast shutdown, Redis with SIGTERM, which
 * fsyncs its append-only file), so nothing they acknowledged is lost. A pid file whose process is gone
 * (power cut, or the orphan was killed too) is removed: PostgreSQL then recovers from its WAL, Redis
 * loads its append-only file. A process is only stopped when it is the right program running on this
 * very directory: after a reboot the pid in a stale file may belong to anything.
 * <p>
 * What was found is told to a {@code report} rather than logged here: this runs while Spring Boot has not
 * initialised logging yet, and drops every line logged before it does.
 */
final class Leftovers {

	static final String REDIS_PID_FILE = "redis.pid";

	private static final Duration STOP_WAIT = Duration.ofSeconds(60);

	private Leftovers() {
	}

	/** Clears the way for an embedded PostgreSQL on {@code cluster}. */
	static void postgres(Path cluster, Consumer<String> report) throws IOException {
		Path pidFile = cluster.resolve("postmaster.pid");
		Optional<Long> pid = pid(pidFile, report);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> orphan = runningOn(pid.get(), "postgres", cluster, pidFile);
		if (orphan.isEmpty()) {
			Files.deleteIfExists(pidFile);
			report.accept("Embedded PostgreSQL did not stop cleanly last time (no PostgreSQL of this directory runs as pid "
					+ pid.get() + "): "
					+ "removed its stale postmaster.pid, it recovers from its write-ahead log now");
			return;
		}
		report.accept("Embedded PostgreSQL left running by an earlier MSI-a (pid " + pid.get() + ") holds " + cluster
				+ ": stopping it (fast shutdown) before starting again");
		// SIGINT is PostgreSQL's fast shutdown, what pg_ctl stop -m fast sends; pg_ctl itself refuses to run
		// as root, which is how zonky runs it (inside a user namespace), so the signal goes directly.
		if (!signal("INT", pid.get())) {
			orphan.get().destroy();
		}
		awaitExit(orphan.get(), "PostgreSQL", "kill -INT " + pid.get());
	}

	/**
	 * Clears the way for an embedded Redis keeping its data in {@code dir}. Returns true when the last
	 * Redis there did not stop cleanly, so its append-only file may lack its last second of writes.
	 */
	static boolean redis(Path dir, Consumer<String> report) throws IOException {
		Path pidFile = dir.resolve(REDIS_PID_FILE);
		Optional<Long> pid = pid(pidFile, report);
		if (pid.isEmpty()) {
			return false;
		}
		Optional<ProcessHandle> orphan = runningOn(pid.get(), "redis-server", dir, pidFile);
		if (orphan.isEmpty()) {
			Files.deleteIfExists(pidFile);
			report.accept("Embedded Redis did not stop cleanly last time (no Redis of this directory runs as pid " + pid.get()
					+ "): removed its "
					+ "stale pid file, it loads its append-only file now");
			return true;
		}
		report.accept("Embedded Redis left running by an earlier MSI-a (pid " + pid.get() + ") uses " + dir
				+ ": stopping it (SIGTERM, which fsyncs its append-only file) before starting again");
		orphan.get().destroy();
		awaitExit(orphan.get(), "Redis", "kill " + pid.get());
		Files.deleteIfExists(pidFile);
		return false;
	}

	/**
	 * True when the last Redis in {@code dir} died without stopping (its pid file remains and no Redis
	 * runs there any more): its append-only file may lack the last second of writes. Changes nothing.
	 */
	static boolean redisDiedUncleanly(Path dir) {
		Path pidFile = dir.resolve(REDIS_PID_FILE);
		try {
			if (!Files.exists(pidFile)) {
				return false;
			}
			String first = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream().findFirst().orElse("").trim();
			return !first.matches("\\d{1,10}") || runningOn(Long.parseLong(first), "redis-server", dir, pidFile).isEmpty();
		}
		catch (IOException ex) {
			return true;
		}
	}

	private static Optional<Long> pid(Path pidFile, Consumer<String> report) throws IOException {
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
		String first = lines.isEmpty() ? "" : lines.get(0).trim();
		if (!first.matches("\\d{1,10}")) {
			Files.deleteIfExists(pidFile);
			report.accept("Removed " + pidFile + ": it names no process ('" + first + "')");
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(first));
	}

	/**
	 * The process, if it is alive, runs {@code program}, and works in {@code dir}: both servers change
	 * into their data directory on start, and on Linux {@code /proc/<pid>/cwd} says where that is.
	 * Without {@code /proc} (macOS) nothing says which directory a live server serves, and removing the
	 * pid file of one that serves this directory would let a second server open the same data: the start
	 * is refused instead.
	 */
	private static Optional<ProcessHandle> runningOn(long pid, String program, Path dir, Path pidFile) {
		Optional<ProcessHandle> candidate = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(process -> process.info().command().map(command -> Path.of(command).getFileName().toString())
				.filter(name -> name.startsWith(program))
				.isPresent());
		if (candidate.isEmpty()) {
			return candidate;
		}
		Path cwd = Path.of("/proc", Long.toString(pid), "cwd");
		if (!Files.exists(cwd, LinkOption.NOFOLLOW_LINKS)) {
			throw new EmbeddedServicesFailure("A " + program + " process (pid " + pid + ") named in " + pidFile
					+ " is running, and it may be serving this data directory",
					"Stop it (kill -INT " + pid + "), or remove " + pidFile + " if it is not MSI-a's; then start again.");
		}
		try {
			return Files.isSameFile(cwd, dir) ? candidate : Optional.empty();
		}
		catch (IOException | SecurityException ex) {
			return Optional.empty();
		}
	}

	private static boolean signal(String name, long pid) throws IOException {
		Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void awaitExit(ProcessHandle process, String what, String byHand) {
		try {
			process.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			throw new EmbeddedServicesFailure("Embedded " + what + " left running by an earlier MSI-a (pid "
					+ process.pid() + ") did not stop within " + STOP_WAIT.toSeconds() + " s",
					"Stop it by hand (" + byHand + ") and start MSI-a again.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
