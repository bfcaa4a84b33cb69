package es.msia.bot.conversation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What one customer turn costs in round trips: SQL statements (and commits) counted by a wrapping
 * DataSource, Redis commands by {@code INFO commandstats} before and after. The background pollers
 * (outbox, stream reads, sweepers) run all the time, so an idle window of the same length is measured
 * first and subtracted. Prints the numbers for the record of issue #16; asserts only that the turns ran
 * and were counted.
 */
class TurnCostIT extends IntegrationTest {

	static final AtomicLong statements = new AtomicLong();

	static final AtomicLong commits = new AtomicLong();

	@TestConfiguration
	static class CountingDataSource {

		@Bean
		static BeanPostProcessor countStatements() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource dataSource ? counting(dataSource, DataSource.class) : bean;
				}
			};
		}

	}

	private static final Set<String> EXECUTES = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
			"executeLargeUpdate", "executeLargeBatch");

	@SuppressWarnings("unchecked")
	static <T> T counting(T target, Class<T> type) {
		InvocationHandler handler = (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			if (EXECUTES.contains(method.getName())) {
				statements.incrementAndGet();
			}
			else if (method.getName().equals("commit")) {
				commits.incrementAndGet();
			}
			if (result instanceof java.sql.Connection connection) {
				return counting(connection, java.sql.Connection.class);
			}
			if (result instanceof java.sql.CallableStatement statement) {
				return counting(statement, java.sql.CallableStatement.class);
			}
			if (result instanceof java.sql.PreparedStatement statement) {
				return counting(statement, java.sql.PreparedStatement.class);
			}
			if (result instanceof java.sql.Statement statement && !(target instanceof java.sql.Statement)) {
				return counting(statement, java.sql.Statement.class);
			}
			return result;
		};
		return (T) Proxy.newProxyInstance(TurnCostIT.class.getClassLoader(), new Class<?>[] { type }, handler);
	}

	private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@Autowired
	StringRedisTemplate redis;

	@Test
	void countsTheRoundTripsOfATurn() throws Exception {
		// Warm-up: the first turns load the catalogue and compile queries.
		converse(2);

		Snapshot idleStart = snapshot();
		long idleNanos = System.nanoTime();
		Thread.sleep(5_000);
		Snapshot idle = snapshot().minus(idleStart);
		double idleSeconds = (System.nanoTime() - idleNanos) / 1e9;

		Snapshot start = snapshot();
		long startNanos = System.nanoTime();
		int turns = converse(4);
		Snapshot busy = snapshot().minus(start);
		double busySeconds = (System.nanoTime() - startNanos) / 1e9;

		double scale = busySeconds / idleSeconds;
		System.out.printf("TURN COST: %d turns in %.1f s (idle window %.1f s)%n", turns, busySeconds, idleSeconds);
		System.out.printf("TURN COST: SQL statements per turn %.1f raw, %.1f net of idle; commits %.1f raw, %.1f net%n",
				busy.statements / (double) turns, (busy.statements - idle.statements * scale) / turns,
				busy.commits / (double) turns, (busy.commits - idle.commits * scale) / turns);
		System.out.printf("TURN COST: Redis commands per turn %.1f raw, %.1f net of idle%n",
				busy.redisTotal() / (double) turns, (busy.redisTotal() - idle.redisTotal() * scale) / turns);
		new TreeMap<>(busy.redis).forEach((command, calls) -> System.out.printf(
				"TURN COST:   redis %-28s %6.2f raw/turn %6.2f net/turn%n", command, calls / (double) turns,
				(calls - idle.redis.getOrDefault(command, 0L) * scale) / turns));

		assertThat(busy.statements).isGreaterThan(idle.statements);
		assertThat(busy.redisTotal()).isGreaterThan(idle.redisTotal());
	}

	/** Customers who get a quote, accept it and send their first case data: three turns each. */
	private int converse(int customers) {
		int turns = 0;
		for (int i = 0; i < customers; i++) {
			long conversation = nextId();
			String phone = "+3461" + String.format("%07d", conversation % 10_000_000);
			for (String text : List.of("Hola! quiero homologar un escape y el manillar", "vale, adelante",
					"Me llamo Lucía Fernández Ruiz, DNI 12345678Z")) {
				int before = chatwoot.messages(conversation).size();
				String body = ChatwootPayloads.incomingText(nextId(), conversation, phone, text).toString();
				assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, body).body()).contains("accepted");
				await().atMost(Duration.ofSeconds(20)).until(() -> chatwoot.messages(conversation).size() > before);
				turns++;
			}
		}
		// Let the last replies' outbox rows settle.
		await().pollDelay(Duration.ofMillis(500)).until(() -> true);
		return turns;
	}

	private Snapshot snapshot() {
		Properties stats = redis.execute((RedisCallback<Properties>) c -> c.serverCommands().info("commandstats"));
		Map<String, Long> calls = new TreeMap<>();
		stats.forEach((key, value) -> {
			String name = key.toString().replace("cmdstat_", "");
			for (String part : value.toString().split(",")) {
				if (part.startsWith("calls=")) {
					calls.put(name, Long.parseLong(part.substring(6)));
				}
			}
		});
		// The INFO command of this snapshot is not the application's.
		calls.merge("info", -1L, Long::sum);
		return new Snapshot(statements.get(), commits.get(), calls);
	}

	record Snapshot(long statements, long commits, Map<String, Long> redis) {

		Snapshot minus(Snapshot before) {
			Map<String, Long> delta = new TreeMap<>();
			redis.forEach((command, calls) -> delta.put(command, calls - before.redis.getOrDefault(command, 0L)));
			return new Snapshot(statements - before.statements, commits - before.commits, delta);
		}

		long redisTotal() {
			return redis.values().stream().mapToLong(Long::longValue).sum();
		}

	}

}
