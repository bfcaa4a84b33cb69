package es.msia.bot.conversation;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import es.msia.bot.messaging.MessagingSettings;
import es.msia.bot.messaging.redis.StreamConsumer;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.FakeOpenRouter;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An agent process killed (SIGKILL) in the middle of a turn: the packaged application runs as a separate
 * agent-only JVM against this test's PostgreSQL and Redis, takes a customer message, and dies while its
 * (slow, fake) LLM call is in flight — after the graph checkpointed the turn's first nodes. The surviving
 * agent reclaims the unacknowledged entry, resumes the turn from its checkpoint and the customer gets
 * exactly one reply.
 */
class AgentCrashIT extends IntegrationTest {

	static final FakeOpenRouter llm = new FakeOpenRouter();

	@Autowired
	StreamConsumer survivor;

	@Autowired
	MessagingSettings messaging;

	@Autowired
	Environment env;

	@Autowired
	JdbcClient jdbc;

	Process doomed;

	@AfterEach
	void cleanUp() {
		if (doomed != null) {
			doomed.destroyForcibly();
		}
		if (!survivor.isRunning()) {
			survivor.start();
		}
	}

	@Test
	void aTurnInterruptedByAKilledAgentIsAnsweredOnceByAnother() throws Exception {
		survivor.stop();
		int healthPort = freePort();
		doomed = startAgentProcess(healthPort);
		await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> healthy(healthPort));
		llm.nextSlow(60);
		long conversation = nextId();
		long message = nextId();

		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(message, conversation, "+34677000111", "quiero legalizar el escape").toString());
		await().atMost(Duration.ofSeconds(60)).until(() -> llm.requestCount() >= 1);
		doomed.destroyForcibly().waitFor();

		assertThat(processed(message)).isFalse();
		assertThat(chatwoot.messages(conversation)).isEmpty();
		survivor.start();

		await().atMost(Duration.ofSeconds(30)).until(() -> processed(message));
		await().atMost(Duration.ofSeconds(10)).until(() -> !chatwoot.messages(conversation).isEmpty());
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> chatwoot.messages(conversation).size() == 1);
		assertThat(chatwoot.messages(conversation).get(0).content()).contains("140,00 € + IVA");
	}

	private Process startAgentProcess(int healthPort) throws IOException {
		Path jar;
		try (var files = Files.list(Path.of("target"))) {
			jar = files.filter(p -> p.getFileName().toString().matches("msia-.*\\.jar")).findFirst().orElseThrow();
		}
		Path workDir = Files.createDirectories(Path.of("target", "agent-crash"));
		List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java",
				"-Djava.io.tmpdir=" + new File("target/tmp").getAbsolutePath(), "-jar", jar.toAbsolutePath().toString(),
				"--msia.roles=agent", "--msia.agent.port=" + healthPort,
				// The same variables a real agent gets: external PostgreSQL and Redis, here the test's own.
				"--DATABASE_URL=" + env.getRequiredProperty("spring.datasource.url"), "--spring.datasource.username=postgres",
				"--REDIS_URL=" + env.getRequiredProperty("spring.data.redis.url"),
				"--msia.messaging.stream=" + messaging.stream(), "--msia.messaging.burst-window=0",
				"--msia.chatwoot.api-url=" + chatwoot.url(), "--msia.chatwoot.api-token=" + FakeChatwoot.TOKEN,
				"--msia.chatwoot.account-id=" + FakeChatwoot.ACCOUNT, "--msia.llm.api-key=" + FakeOpenRouter.KEY,
				"--msia.llm.base-url=" + llm.baseUrl(), "--msia.llm.timeout=120s",
				// A killed agent's conversation lock lasts until its lease ends (2 min by default; there is no
				// renewal yet): a short lease keeps this test short.
				"--msia.messaging.lock-lease=3s"));
		return new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(workDir.resolve("agent.log").toFile())
			.start();
	}

	private boolean healthy(int port) {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean processed(long message) {
		return jdbc.sql("SELECT processed_at IS NOT NULL FROM messages WHERE chatwoot_message_id = :m")
			.param("m", message)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
