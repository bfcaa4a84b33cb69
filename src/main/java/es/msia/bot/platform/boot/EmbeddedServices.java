package es.msia.bot.platform.boot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Embedded PostgreSQL and Redis for the zero-configuration run and for the test suite. One instance of
 * each per JVM: every Spring context started in the same JVM (tests start several) shares them, and a
 * shutdown hook stops them with the JVM.
 */
final class EmbeddedServices {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

	private static @Nullable EmbeddedPostgres postgres;

	private static @Nullable String redisUrl;

	private EmbeddedServices() {
	}

	/** Starts PostgreSQL once; its data survives restarts unless {@code ephemeral}. Returns the JDBC URL. */
	static synchronized String postgres(Path dataDir, boolean ephemeral) {
		if (postgres == null) {
			try {
				Path dir = ephemeral ? Files.createTempDirectory("msia-pg")
						: dataDir.resolve("postgres").toAbsolutePath();
				Files.createDirectories(dir.getParent());
				postgres = EmbeddedPostgres.builder()
					.setDataDirectory(dir.toFile())
					.setCleanDataDirectory(ephemeral)
					.setPort(freePort())
					.start();
				log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dir);
				Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::stopPostgres, "embedded-pg-stop"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Embedded PostgreSQL did not start", ex);
			}
		}
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
	}

	/** Starts Redis once, with an append-only file under the data directory unless {@code ephemeral}. */
	static synchronized String redis(Path dataDir, boolean ephemeral) {
		if (redisUrl == null) {
			try {
				int port = freePort();
				File dir = ephemeral ? Files.createTempDirectory("msia-redis").toFile()
						: dataDir.resolve("redis").toAbsolutePath().toFile();
				dir.mkdirs();
				RedisServer server = RedisServer.newRedisServer()
					.port(port)
					.bind("127.0.0.1")
					.setting("dir " + dir.getAbsolutePath())
					.setting("appendonly " + (ephemeral ? "no" : "yes"))
					.setting("save \"\"")
					.setting("maxmemory-policy noeviction")
					.build();
				server.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
				redisUrl = "redis://127.0.0.1:" + port;
				log.info("Embedded Redis started on port {}", port);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Embedded Redis did not start", ex);
			}
		}
		return redisUrl;
	}

	private static void stopPostgres() {
		try {
			if (postgres != null) {
				postgres.close();
			}
		}
		catch (IOException ex) {
			log.warn("Embedded PostgreSQL did not stop cleanly: {}", ex.getMessage());
		}
	}

	private static void stopQuietly(RedisServer server) {
		try {
			server.stop();
		}
		catch (IOException ex) {
			log.warn("Embedded Redis did not stop cleanly: {}", ex.getMessage());
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
