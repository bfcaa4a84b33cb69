package es.msia.bot.platform.boot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * A process that starts the embedded services on a persistent data directory the way MSI-a does, for
 * {@link EmbeddedCrashIT} to kill. {@code write N}: records rows 1..N (committed) and the Redis key, says
 * READY and waits to be killed. {@code check}: starts, prints what it finds and exits normally.
 */
public final class EmbeddedServicesChild {

	private EmbeddedServicesChild() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Path.of(args[0]);
		String jdbcUrl = EmbeddedServices.postgres(dataDir, false);
		String redisUrl = EmbeddedServices.redis(dataDir, false);
		EmbeddedServices.awaitPostgres();
		EmbeddedServices.awaitRedis();
		RedisClient redis = RedisClient.create(redisUrl);
		try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
				Statement sql = db.createStatement();
				StatefulRedisConnection<String, String> cache = redis.connect()) {
			if (args[1].equals("write")) {
				int rows = Integer.parseInt(args[2]);
				sql.execute("CREATE TABLE IF NOT EXISTS accepted (id int PRIMARY KEY)");
				for (int id = 1; id <= rows; id++) {
					sql.execute("INSERT INTO accepted VALUES (" + id + ")");
					cache.sync().xadd("crash-stream", "id", Integer.toString(id));
				}
				System.out.println("READY");
				Thread.sleep(Long.MAX_VALUE);
			}
			try (ResultSet count = sql.executeQuery("SELECT count(*) FROM accepted")) {
				count.next();
				System.out.println("ROWS " + count.getLong(1) + " STREAM " + cache.sync().xlen("crash-stream"));
			}
		}
		finally {
			redis.shutdown();
		}
		System.exit(0);
	}

}
