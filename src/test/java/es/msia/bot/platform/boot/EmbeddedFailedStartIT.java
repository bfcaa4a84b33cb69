package es.msia.bot.platform.boot;

import java.io.File;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import es.msia.bot.MsiaApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MSI-a on its persistent default fails to start after its embedded services are up (here: its port is
 * taken). It must stop them again and say so, not leave a PostgreSQL and a Redis behind it.
 */
class EmbeddedFailedStartIT {

	@TempDir
	Path dir;

	@Test
	void aFailedStartStopsTheEmbeddedServicesItStarted() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Path log = dir.resolve("msia.log");
			Process msia = new ProcessBuilder(List.of(System.getProperty("java.home") + "/bin/java",
					"-Djava.io.tmpdir=" + new File("target/tmp").getAbsolutePath(), "-cp",
					System.getProperty("java.class.path"), MsiaApplication.class.getName(),
					"--msia.embedded.data-dir=" + dir.resolve("data"), "--msia.api.port=" + taken.getLocalPort(),
					"--server.address=127.0.0.1", "--msia.admin.port=0", "--msia.agent.port=0",
					"--msia.cases.storage-dir=" + dir.resolve("data/files")))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				assertThat(msia.waitFor(180, TimeUnit.SECONDS)).as("MSI-a gave up").isTrue();
			}
			finally {
				msia.destroyForcibly();
			}
			String output = Files.readString(log);
			assertThat(msia.exitValue()).as(output).isNotZero();
			assertThat(output).contains("Embedded PostgreSQL started on port", "Embedded Redis started on port");
			assertThat(output.lines().filter(line -> line.contains("MSI-a did not start: the embedded PostgreSQL and "
					+ "Redis it started are stopped again"))).hasSize(1);
			assertThat(dir.resolve("data/postgres/postmaster.pid")).doesNotExist();
			assertThat(dir.resolve("data/redis/redis.pid")).doesNotExist();
		}
	}

}
