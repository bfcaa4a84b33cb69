package es.msia.bot.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeLlmIntegrationTest;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics at {@code /actuator/prometheus} after real turns (LLM, fallback, Chatwoot retry, handoff), and
 * the per-turn trace id: in the turn's log lines, stored with the message, shown in the panel.
 */
class ObservabilityIT extends FakeLlmIntegrationTest {

	static final Path LOG = Path.of("target/test-logs/msia-it.log");

	static final String PASSWORD = "una-contraseña-larga";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	final long conversation = nextId();

	long says(String text) {
		int before = customerFacing(conversation).size();
		long messageId = nextId();
		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(messageId, conversation, phoneOf(conversation), text).toString());
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing(conversation).size() > before);
		return messageId;
	}

	@Test
	void exposesTurnLlmStreamOutboxHandoffAndFallbackMetricsToPrometheus() {
		openRouter.nextToolCalls(ToolCall.of("greet"));
		chatwoot.failNext(1, 429, 0);
		says("hola");
		openRouter.nextError(502, null);
		openRouter.nextError(502, null);
		openRouter.nextError(502, null);
		says("quiero homologar un escape");
		openRouter.nextToolCalls(ToolCall.of("request_human"));
		says("quiero hablar con una persona");

		String metrics = get("http://localhost:" + ports.apiPort() + "/actuator/prometheus").body();

		assertThat(metrics).contains("msia_turn_duration_seconds_count{", "msia_turn_duration_seconds_sum{",
				"msia_llm_duration_seconds_count{", "msia_llm_tokens_total{", "type=\"prompt\"", "type=\"completion\"",
				"msia_llm_cost_total{", "msia_llm_fallbacks_total", "msia_stream_lag_seconds",
				"msia_stream_pending_entries", "msia_outbox_retries_total", "msia_handoffs_total{");
		assertThat(value(metrics, "msia_llm_fallbacks_total")).isGreaterThanOrEqualTo(1);
		assertThat(value(metrics, "msia_outbox_retries_total")).isGreaterThanOrEqualTo(1);
		// Chatwoot calls are tagged by endpoint, not by conversation (one series per conversation would grow forever).
		assertThat(metrics).contains("/conversations/{id1}/messages\"")
			.doesNotContain("/conversations/" + conversation + "/");
	}

	@Test
	void keepsTheMetricsFromAClientOnTheInternetRelayedByTheProxy() throws Exception {
		String url = "http://localhost:" + ports.apiPort() + "/actuator/prometheus";
		java.net.http.HttpResponse<String> relayed = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
			.header("X-Forwarded-For", "203.0.113.9").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		java.net.http.HttpResponse<String> fromPrivateNetwork = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create(url)).header("X-Forwarded-For", "10.0.3.7").GET().build(),
				java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(relayed.statusCode()).isIn(401, 403);
		assertThat(relayed.body()).doesNotContain("msia_");
		assertThat(fromPrivateNetwork.statusCode()).isEqualTo(200);
	}

	@Test
	void showsEachTurnsTraceIdInItsLogLinesAndInTheConversationView() throws IOException {
		openRouter.nextToolCalls(ToolCall.of("greet"));
		long messageId = says("buenas tardes");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> traceOf(messageId) != null);
		String trace = traceOf(messageId);

		assertThat(trace).matches("[0-9a-f]{16}");
		List<String> turnLines = Files.readAllLines(LOG).stream().filter(line -> line.contains("trace=" + trace)).toList();
		assertThat(turnLines).anySatisfy(line -> assertThat(line).contains("conv=" + conversation, "Turn of conversation"));

		PanelClient panel = new PanelClient(ports.adminPort());
		assertThat(panel.login(admin(), PASSWORD).statusCode()).isEqualTo(302);
		String page = panel.get("/conversations/" + conversation).body();
		assertThat(page).contains("data-trace=\"" + trace + "\"", "turno " + trace);
	}

	private String traceOf(long messageId) {
		return jdbc.sql("SELECT trace_id FROM messages WHERE chatwoot_message_id = :id")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private String admin() {
		String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, 'admin')")
			.param("u", name)
			.param("h", encoder.encode(PASSWORD))
			.update();
		return name;
	}

	/** The value of an untagged Prometheus sample. */
	private static double value(String metrics, String name) {
		return metrics.lines()
			.filter(line -> line.startsWith(name + " "))
			.mapToDouble(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
			.findFirst()
			.orElse(-1);
	}

}
