package es.msia.bot.platform.boot;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * A process running the embedded services on a persistent data directory is killed, and the next start
 * on that directory must come back by itself with every committed row and every acknowledged stream
 * entry. Two crashes: only the JVM dies (SIGKILL, the OOM killer), leaving its PostgreSQL and Redis
 * running; and everything dies at once (a power cut), leaving pid files whose processes are gone.
 */
class EmbeddedCrashIT {

	private static final int ROWS = 200;

	@TempDir
	Path dir;

	private final List<ProcessHandle> started = new ArrayList<>();

	@AfterEach
	void killLeftovers() throws IOException {
		started.forEach(ProcessHandle::destroyForcibly);
		// A failed assertion can leave servers running on the directory that is about to be deleted.
		for (Path pidFile : List.of(dir.resolve("postgres/postmaster.pid"), dir.resolve("redis/redis.pid"))) {
			if (Files.exists(pidFile)) {
				ProcessHandle.of(pid(pidFile)).filter(process -> worksIn(process, pidFile.getParent()))
					.ifPresent(ProcessHandle::destroyForcibly);
			}
		}
	}

	private static boolean worksIn(ProcessHandle process, Path serverDir) {
		try {
			return Files.isSameFile(Path.of("/proc", Long.toString(process.pid()), "cwd"), serverDir);
		}
		catch (IOException ex) {
			return false;
		}
	}

	@Test
	void aKilledJvmLeavesItsServersRunningAndTheNextStartStopsThemAndComesBack() throws Exception {
		Process first = child("first.log", "write", Integer.toString(ROWS));
		awaitReady(first, "first.log");

		EmbeddedServicesFailure refused = catchThrowableOfType(EmbeddedServicesFailure.class,
				() -> DataDirectoryLock.lock(dir));
		assertThat(refused.getMessage())
			.isEqualTo("Another MSI-a (pid " + first.pid() + ") is already running on the data directory " + dir);

		long postmaster = pid(dir.resolve("postgres/postmaster.pid"));
		long redisServer = pid(dir.resolve("redis/redis.pid"));
		first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("orphan PostgreSQL").contains(true);
		assertThat(ProcessHandle.of(redisServer).map(ProcessHandle::isAlive)).as("orphan Redis").contains(true);
		assertThat(Leftovers.redisDiedUncleanly(dir.resolve("redis"))).as("a running orphan loses nothing").isFalse();

		String log = check("second.log");

		assertThat(log).contains("ROWS " + ROWS + " STREAM " + ROWS);
		assertThat(lines(log, "left running by an earlier MSI-a")).hasSize(2);
		assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
		assertThat(ProcessHandle.of(redisServer).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
	}

	@Test
	void afterAPowerCutTheNextStartRemovesTheStalePidFilesAndRecovers() throws Exception {
		Process first = child("first.log", "write", Integer.toString(ROWS));
		awaitReady(first, "first.log");
		ProcessHandle postmaster = ProcessHandle.of(pid(dir.resolve("postgres/postmaster.pid"))).orElseThrow();
		ProcessHandle redisServer = ProcessHandle.of(pid(dir.resolve("redis/redis.pid"))).orElseThrow();
		List<ProcessHandle> everything = new ArrayList<>(postmaster.descendants().toList());
		everything.add(postmaster);
		everything.add(redisServer);
		everything.add(first.toHandle());
		everything.forEach(ProcessHandle::destroyForcibly);
		for (ProcessHandle process : everything) {
			process.onExit().get(30, TimeUnit.SECONDS);
		}
		assertThat(dir.resolve("postgres/postmaster.pid")).exists();
		assertThat(dir.resolve("redis/redis.pid")).exists();
		assertThat(Leftovers.redisDiedUncleanly(dir.resolve("redis"))).isTrue();

		String log = check("second.log");

		assertThat(log).contains("ROWS " + ROWS + " STREAM " + ROWS);
		assertThat(lines(log, "did not stop cleanly last time")).hasSize(2);
	}

	@Test
	void sigtermStopsBothServersCleanly() throws Exception {
		Process first = child("first.log", "write", Integer.toString(ROWS));
		awaitReady(first, "first.log");
		ProcessHandle postmaster = ProcessHandle.of(pid(dir.resolve("postgres/postmaster.pid"))).orElseThrow();
		ProcessHandle redisServer = ProcessHandle.of(pid(dir.resolve("redis/redis.pid"))).orElseThrow();

		first.destroy();

		assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();
		postmaster.onExit().get(30, TimeUnit.SECONDS);
		redisServer.onExit().get(30, TimeUnit.SECONDS);
		assertThat(dir.resolve("postgres/postmaster.pid")).doesNotExist();
		assertThat(dir.resolve("redis/redis.pid")).doesNotExist();
		String log = check("second.log");
		assertThat(log).contains("ROWS " + ROWS + " STREAM " + ROWS).doesNotContain("earlier MSI-a")
			.doesNotContain("did not stop cleanly");
	}

	/** Starts on the same directory, prints what it finds, and stops cleanly. */
	private String check(String logName) throws Exception {
		Process second = child(logName, "check");
		assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("second start finished").isTrue();
		String log = Files.readString(dir.resolve(logName));
		assertThat(second.exitValue()).as(log).isZero();
		assertThat(dir.resolve("postgres/postmaster.pid")).as("stopped cleanly").doesNotExist();
		assertThat(dir.resolve("redis/redis.pid")).as("stopped cleanly").doesNotExist();
		return log;
	}

	private Process child(String logName, String... args) throws IOException {
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
				"-Djava.io.tmpdir=" + new File("target/tmp").getAbsolutePath(), "-cp",
				System.getProperty("java.class.path"), EmbeddedServicesChild.class.getName(), dir.toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dir.resolve(logName).toFile())
			.start();
		started.add(process.toHandle());
		return process;
	}

	private void awaitReady(Process process, String logName) {
		await().atMost(Duration.ofSeconds(90)).until(() -> {
			assertThat(process.isAlive()).as("child alive").isTrue();
			return Files.readString(dir.resolve(logName)).contains("READY");
		});
	}

	private static long pid(Path pidFile) throws IOException {
		return Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
	}

	private static List<String> lines(String log, String text) {
		return log.lines().filter(line -> line.contains(text)).toList();
	}

}
