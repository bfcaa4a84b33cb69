package es.msia.bot.platform.boot;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * Embedded PostgreSQL and Redis for the zero-configuration run and for the test suite. One instance of
 * each per JVM: every Spring context started in the same JVM (tests start several) shares them, and a
 * shutdown hook stops them with the JVM.
 * <p>
 * They start in the background, one after the other: the ports are chosen up front so the URLs can go into
 * the environment at once, and {@link EmbeddedServicesReadiness} makes the first bean that connects wait.
 * PostgreSQL's initdb and start (about 2 s on a fresh data directory) then overlap with the Spring
 * context's own start-up instead of preceding it.
 */
final class EmbeddedServices {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedServices.class);

	/**
	 * One starter thread for both services, one after the other: extracting a binary and executing it while
	 * another thread forks (the other service's start) can fail with "Text file busy", because the forked
	 * child inherits the still-open file (JDK-8068370).
	 */
	private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "embedded-services-start");
		thread.setDaemon(true);
		return thread;
	});

	private static @Nullable EmbeddedPostgres postgres;

	private static volatile @Nullable CompletableFuture<Void> postgresStart;

	private static volatile @Nullable CompletableFuture<Void> redisStart;

	private static int postgresPort;

	private static int redisPort;

	private EmbeddedServices() {
	}

	/** Starts PostgreSQL once; its data survives restarts unless {@code ephemeral}. Returns the JDBC URL. */
	static synchronized String postgres(Path dataDir, boolean ephemeral) {
		if (postgresStart == null) {
			int port = freePort();
			postgresPort = port;
			postgresStart = inBackground(() -> startPostgres(dataDir, ephemeral, port));
		}
		return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
	}

	/** Starts Redis once, with an append-only file under the data directory unless {@code ephemeral}. */
	static synchronized String redis(Path dataDir, boolean ephemeral) {
		if (redisStart == null) {
			int port = freePort();
			redisPort = port;
			redisStart = inBackground(() -> startRedis(dataDir, ephemeral, port));
		}
		return "redis://127.0.0.1:" + redisPort;
	}

	/** Blocks until the embedded PostgreSQL (if this JVM started one) accepts connections. */
	static void awaitPostgres() {
		await(postgresStart, "PostgreSQL");
	}

	/** Blocks until the embedded Redis (if this JVM started one) accepts connections. */
	static void awaitRedis() {
		await(redisStart, "Redis");
	}

	private static void startPostgres(Path dataDir, boolean ephemeral, int port) throws IOException {
		Path dir = ephemeral ? Files.createTempDirectory("msia-pg") : dataDir.resolve("postgres").toAbsolutePath();
		Files.createDirectories(dir.getParent());
		EmbeddedPostgres started = EmbeddedPostgres.builder()
			.setDataDirectory(dir.toFile())
			.setCleanDataDirectory(ephemeral)
			.setPort(port)
			.start();
		synchronized (EmbeddedServices.class) {
			postgres = started;
		}
		log.info("Embedded PostgreSQL started on port {} with data in {}", port, dir);
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::stopPostgres, "embedded-pg-stop"));
	}

	private static void startRedis(Path dataDir, boolean ephemeral, int port) throws IOException {
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
		log.info("Embedded Redis started on port {}", port);
	}

	private interface Start {

		void run() throws IOException;

	}

	private static CompletableFuture<Void> inBackground(Start start) {
		CompletableFuture<Void> result = new CompletableFuture<>();
		STARTER.execute(() -> {
			try {
				start.run();
				result.complete(null);
			}
			catch (IOException | RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		});
		return result;
	}

	private static void await(@Nullable CompletableFuture<Void> start, String what) {
		if (start == null) {
			return;
		}
		try {
			start.join();
		}
		catch (CompletionException ex) {
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new IllegalStateException("Embedded " + what + " did not start: " + cause.getMessage(), cause);
		}
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

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port for an embedded service", ex);
		}
	}

}
