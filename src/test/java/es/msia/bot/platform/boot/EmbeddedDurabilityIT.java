package es.msia.bot.platform.boot;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings actually in force, asked of the running servers: a persistent data directory must get a
 * PostgreSQL that fsyncs and commits synchronously and a Redis with an append-only file; an ephemeral one
 * keeps the fast settings the test suite relies on.
 */
class EmbeddedDurabilityIT {

	@TempDir
	Path dir;

	@Test
	void persistentPostgresFsyncsAndCommitsSynchronously() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedServices.openPostgres(dir.resolve("postgres"), true,
				EmbeddedServices.freePort())) {
			assertThat(setting(pg, "fsync")).isEqualTo("on");
			assertThat(setting(pg, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(pg, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void ephemeralPostgresKeepsTheFastSettings() throws Exception {
		try (EmbeddedPostgres pg = EmbeddedServices.openPostgres(dir.resolve("postgres"), false,
				EmbeddedServices.freePort())) {
			assertThat(setting(pg, "fsync")).isEqualTo("off");
			assertThat(setting(pg, "synchronous_commit")).isEqualTo("off");
		}
	}

	@Test
	void persistentRedisKeepsAnAppendOnlyFileFsyncedEverySecond() throws Exception {
		Map<String, String> config = redisConfig(true);
		assertThat(config).containsEntry("appendonly", "yes").containsEntry("appendfsync", "everysec");
	}

	@Test
	void ephemeralRedisKeepsNoAppendOnlyFile() throws Exception {
		assertThat(redisConfig(false)).containsEntry("appendonly", "no");
	}

	private Map<String, String> redisConfig(boolean durable) throws Exception {
		int port = EmbeddedServices.freePort();
		RedisServer server = EmbeddedServices.openRedis(dir.resolve("redis"), durable, port);
		server.start();
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			Map<String, String> config = new HashMap<>(connection.sync().configGet("appendonly"));
			config.putAll(connection.sync().configGet("appendfsync"));
			return config;
		}
		finally {
			client.shutdown();
			server.stop();
		}
	}

	private static String setting(EmbeddedPostgres pg, String name) throws SQLException {
		try (Connection connection = pg.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SHOW " + name)) {
			rows.next();
			return rows.getString(1);
		}
	}

}
