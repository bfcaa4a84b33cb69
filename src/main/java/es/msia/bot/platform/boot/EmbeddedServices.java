package es.msia.bot.platform.boot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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

	private static @Nullable RedisServer redis;

	/** The persistent data directory this JVM locked, if it started an embedded service on one. */
	private static @Nullable Path persistentDir;

	private static volatile @Nullable CompletableFuture<Void> postgresStart;

	private static volatile @Nullable CompletableFuture<Void> redisStart;

	private static int postgresPort;

	private static int redisPort;

	private static boolean redisDiedUncleanly;

	/**
	 * What the start found left behind by an earlier run, logged by the thread that awaits the services:
	 * the start runs before Spring Boot initialises logging, which drops every line logged until then.
	 */
	private static final Queue<String> findings = new ConcurrentLinkedQueue<>();

	private EmbeddedServices() {
	}

	/** Starts PostgreSQL once; its data survives restarts unless {@code ephemeral}. Returns the JDBC URL. */
	static synchronized String postgres(Path dataDir, boolean ephemeral) {
		if (postgresStart == null) {
			lockIfPersistent(dataDir, ephemeral);
			int port = freePort();
			postgresPort = port;
			postgresStart = inBackground(() -> startPostgres(dataDir, ephemeral, port));
		}
		return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres";
	}

	/** Starts Redis once, with an append-only file under the data directory unless {@code ephemeral}. */
	static synchronized String redis(Path dataDir, boolean ephemeral) {
		if (redisStart == null) {
			lockIfPersistent(dataDir, ephemeral);
			redisDiedUncleanly = !ephemeral && Leftovers.redisDiedUncleanly(dataDir.resolve("redis").toAbsolutePath());
			int port = freePort();
			redisPort = port;
			redisStart = inBackground(() -> startRedis(dataDir, ephemeral, port));
		}
		return "redis://127.0.0.1:" + redisPort;
	}

	/**
	 * True when the embedded Redis this JVM starts follows one that died without stopping (power cut,
	 * OS crash): the last second of stream entries may be gone while their messages are marked streamed.
	 */
	static synchronized boolean redisDiedUncleanly() {
		return redisDiedUncleanly;
	}

	private static void lockIfPersistent(Path dataDir, boolean ephemeral) {
		if (!ephemeral) {
			DataDirectoryLock.acquire(dataDir);
			persistentDir = dataDir.toAbsolutePath();
		}
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
		if (!ephemeral) {
			Leftovers.postgres(dir, findings::add);
		}
		EmbeddedPostgres started = openPostgres(dir, !ephemeral, port);
		synchronized (EmbeddedServices.class) {
			postgres = started;
		}
		log.info("Embedded PostgreSQL started on port {} with data in {} ({})", port, dir,
				ephemeral ? "ephemeral: fsync off" : "durable: fsync and synchronous commit on");
		Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedServices::stopPostgres, "embedded-pg-stop"));
	}

	/**
	 * Starts a PostgreSQL cluster in {@code dir} (created with initdb when empty). zonky's defaults suit
	 * throw-away test databases: {@code -F} (fsync off) and {@code synchronous_commit=off}, so an OS crash
	 * can lose acknowledged commits or corrupt the cluster. A durable cluster overrides both: the
	 * {@code -c fsync=on} comes after {@code -F} on the postgres command line, and the last setting wins.
	 * An ephemeral one starts clean and keeps the fast settings.
	 */
	static EmbeddedPostgres openPostgres(Path dir, boolean durable, int port) throws IOException {
		Files.createDirectories(dir.getParent());
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dir.toFile())
			.setCleanDataDirectory(!durable)
			.setPort(port);
		if (durable) {
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		return builder.start();
	}

	private static void startRedis(Path dataDir, boolean ephemeral, int port) throws IOException {
		CompletableFuture<Void> postgresStarting = postgresStart;
		if (postgresStarting != null && postgresStarting.isCompletedExceptionally()) {
			// The start has failed already: a Redis started now would outlive the JVM that is exiting.
			throw new IllegalStateException("not started, the embedded PostgreSQL failed first");
		}
		Path dir = ephemeral ? Files.createTempDirectory("msia-redis") : dataDir.resolve("redis").toAbsolutePath();
		if (!ephemeral) {
			Leftovers.redis(dir, findings::add);
		}
		RedisServer server = openRedis(dir, !ephemeral, port);
		server.start();
		synchronized (EmbeddedServices.class) {
			redis = server;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(server), "embedded-redis-stop"));
		log.info("Embedded Redis started on port {} ({})", port,
				ephemeral ? "ephemeral: no persistence" : "durable: append-only file in " + dir + ", fsync every second");
	}

	/**
	 * A Redis server (not yet started) keeping its data in {@code dir}. Durable means an append-only file
	 * fsynced once a second: a killed Redis loses nothing it acknowledged (Redis writes the AOF before it
	 * replies), an OS crash or power cut loses at most the last second or two of writes. Redis is not the
	 * record of what customers sent: the webhook commits the message row in PostgreSQL (synchronous commit
	 * when durable) before the XADD, so a lost stream entry is a message to append again, never a message
	 * lost. {@code always} would put an fsync in every XADD and XACK to protect only that copy.
	 * <p>
	 * A durable Redis writes a pid file, which it removes when it stops cleanly: the next start finds a
	 * Redis left running, or one that died, by it ({@link Leftovers}).
	 */
	static RedisServer openRedis(Path dir, boolean durable, int port) throws IOException {
		Files.createDirectories(dir);
		return RedisServer.newRedisServer()
			.port(port)
			.bind("127.0.0.1")
			.setting("dir " + dir.toAbsolutePath())
			.settingIf(durable, "pidfile " + dir.toAbsolutePath().resolve(Leftovers.REDIS_PID_FILE))
			.setting("appendonly " + (durable ? "yes" : "no"))
			.setting("appendfsync everysec")
			.setting("save \"\"")
			.setting("maxmemory-policy noeviction")
			.build();
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
			if (cause instanceof EmbeddedServicesFailure failure) {
				throw failure;
			}
			throw new EmbeddedServicesFailure("Embedded " + what + " did not start: " + cause.getMessage(),
					"Read the lines logged above for the reason, then start again; the data directory is kept.", cause);
		}
		finally {
			for (String finding = findings.poll(); finding != null; finding = findings.poll()) {
				log.warn(finding);
			}
		}
	}

	/**
	 * After a failed start on a persistent data directory: stops whatever embedded service this JVM
	 * started, including one still starting, rather than leave it to shutdown hooks that a service
	 * started during the JVM's exit would miss. Tests share one ephemeral set per JVM, and a context that
	 * fails there must not take it from the others, so ephemeral services are left to the hooks.
	 */
	static void stopAfterFailedStart() {
		Path dir;
		synchronized (EmbeddedServices.class) {
			dir = persistentDir;
		}
		if (dir == null) {
			return;
		}
		STARTER.shutdownNow();
		try {
			STARTER.awaitTermination(90, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		RedisServer server;
		synchronized (EmbeddedServices.class) {
			server = redis;
		}
		if (server != null) {
			stopQuietly(server);
		}
		stopPostgres();
		log.error("MSI-a did not start: the embedded PostgreSQL and Redis it started are stopped again and the "
				+ "data in {} is kept; fix the problem reported below and start again", dir);
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

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port for an embedded service", ex);
		}
	}

}
