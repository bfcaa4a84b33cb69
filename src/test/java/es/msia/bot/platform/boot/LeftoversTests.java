package es.msia.bot.platform.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pid files whose process is not the server they name: after a reboot the pid may belong to anything,
 * and that process must be left alone while the stale file goes.
 */
class LeftoversTests {

	@TempDir
	Path dir;

	private final List<String> report = new ArrayList<>();

	@Test
	void aPidReusedByAnotherProgramIsNotStoppedAndTheStaleFileGoes() throws Exception {
		long self = ProcessHandle.current().pid();
		Files.writeString(dir.resolve("postmaster.pid"), self + "\n" + dir + "\n");
		Files.writeString(dir.resolve(Leftovers.REDIS_PID_FILE), self + "\n");

		assertThat(Leftovers.redisDiedUncleanly(dir)).isTrue();
		Leftovers.postgres(dir, report::add);
		assertThat(Leftovers.redis(dir, report::add)).isTrue();

		assertThat(ProcessHandle.current().isAlive()).isTrue();
		assertThat(dir.resolve("postmaster.pid")).doesNotExist();
		assertThat(dir.resolve(Leftovers.REDIS_PID_FILE)).doesNotExist();
		assertThat(report).containsExactly(
				"Embedded PostgreSQL did not stop cleanly last time (no PostgreSQL of this directory runs as pid "
						+ self + "): removed its stale postmaster.pid, it recovers from its write-ahead log now",
				"Embedded Redis did not stop cleanly last time (no Redis of this directory runs as pid " + self
						+ "): removed its stale pid file, it loads its append-only file now");
	}

	@Test
	void aPidFileNamingNoProcessIsRemoved() throws Exception {
		Files.writeString(dir.resolve("postmaster.pid"), "garbage\n");

		Leftovers.postgres(dir, report::add);

		assertThat(dir.resolve("postmaster.pid")).doesNotExist();
		assertThat(report).containsExactly("Removed " + dir.resolve("postmaster.pid") + ": it names no process ('garbage')");
	}

	@Test
	void aCleanDirectoryHasNothingToReport() throws Exception {
		Leftovers.postgres(dir, report::add);

		assertThat(Leftovers.redis(dir, report::add)).isFalse();
		assertThat(Leftovers.redisDiedUncleanly(dir)).isFalse();
		assertThat(report).isEmpty();
	}

}
