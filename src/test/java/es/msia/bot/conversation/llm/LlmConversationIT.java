package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import es.msia.bot.conversation.LlmChoice;
import es.msia.bot.conversation.LlmOptions;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import es.msia.bot.support.FakeOpenRouter;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The application with {@code OPENROUTER_API_KEY} set: turns go through the webhook, the LLM
 * understanding (against the fake OpenRouter) and the deterministic policy; when the LLM fails the
 * offline engine answers and the customer still gets the right reply.
 */
class LlmConversationIT extends IntegrationTest {

	static final FakeOpenRouter openRouter = new FakeOpenRouter();

	@DynamicPropertySource
	static void llmProperties(DynamicPropertyRegistry registry) {
		registry.add("msia.llm.api-key", () -> FakeOpenRouter.KEY);
		registry.add("msia.llm.base-url", openRouter::baseUrl);
		registry.add("msia.llm.retry-backoff", () -> "5ms");
		registry.add("msia.llm.breaker-cooldown", () -> "1ms");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LlmOptions options;

	final long conversation = nextId();

	final String phone = "+3461" + String.format("%07d", conversation % 10_000_000);

	List<String> says(String text) {
		int before = customerFacing().size();
		postWebhook("?token=" + WEBHOOK_TOKEN, ChatwootPayloads.incomingText(nextId(), conversation, phone, text).toString());
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		return customerFacing().subList(before, customerFacing().size()).stream().map(StoredMessage::content).toList();
	}

	/** Photos with no text: nothing for the LLM to read, so no call. */
	List<String> sendsPhotos(int count) {
		int before = customerFacing().size();
		var payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, "");
		payload.putNull("content");
		var attachments = payload.putArray("attachments");
		for (int i = 0; i < count; i++) {
			// Distinct bytes each time: the same photo sent twice is one file.
			long seed = nextId();
			byte[] jpeg = new byte[64];
			jpeg[0] = (byte) 0xFF;
			jpeg[1] = (byte) 0xD8;
			jpeg[2] = (byte) 0xFF;
			jpeg[3] = (byte) 0xE0;
			for (int b = 4; b < jpeg.length; b++) {
				jpeg[b] = (byte) ((seed >> (b % 8)) * 31 + b);
			}
			attachments.addObject().put("id", nextId()).put("file_type", "image").put("data_url", chatwoot.serveFile(jpeg));
		}
		postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString());
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		return customerFacing().subList(before, customerFacing().size()).stream().map(StoredMessage::content).toList();
	}

	JsonNode caseData() {
		return tools.jackson.databind.json.JsonMapper.builder().build().readTree(jdbc
			.sql("SELECT data::text FROM cases WHERE conversation_id = :c").param("c", conversation).query(String.class).single());
	}

	List<StoredMessage> customerFacing() {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
	}

	@Test
	void quotesAMessyMessageUnderstoodByTheModel() {
		openRouter.nextToolCalls(ToolCall.of("greet"),
				new ToolCall("mention_elements", "{\"mentions\":[\"escape de la akra\",\"manillar\"]}"));

		String reply = String.join("\n", says("weeenas, le e puesto el escape d la akra y un manillar nuevo a la mt07"));

		assertThat(reply).contains("*Precio: 175,00 € + IVA*");
		assertThat(jdbc.sql("SELECT model || ' ' || outcome FROM llm_calls WHERE conversation_id = :c")
			.param("c", conversation).query(String.class).list()).containsExactly("openai/gpt-4o-mini used");
	}

	@Test
	void answersOfflineWhenOutOfCredits() {
		openRouter.nextError(402, null);

		String reply = String.join("\n", says("quiero homologar un escape y el manillar"));

		assertThat(reply).contains("*Precio: 175,00 € + IVA*");
		assertThat(jdbc.sql("SELECT outcome FROM llm_calls WHERE conversation_id = :c")
			.param("c", conversation).query(String.class).list()).containsExactly("failed");
	}

	@Test
	void answersOfflineOnceAdminsLowerTheBudgetBelowThisMonthsSpend() {
		try {
			options.update(new LlmChoice("openai/gpt-4o-mini", List.of(), BigDecimal.ZERO), "test");
			int requestsBefore = openRouter.requestCount();

			String reply = String.join("\n", says("quiero homologar un escape y el manillar"));

			assertThat(reply).contains("*Precio: 175,00 € + IVA*");
			assertThat(openRouter.requestCount()).isEqualTo(requestsBefore);
			assertThat(jdbc.sql("SELECT outcome || ' ' || fallback_reason || ' ' || attempts FROM llm_calls WHERE conversation_id = :c")
				.param("c", conversation).query(String.class).list()).containsExactly("skipped budget 0");
			assertThat(options.budget().exceeded()).isTrue();
		}
		finally {
			options.reset("test");
		}
	}

	@Test
	void usesTheModelAdminsChoseFromTheNextTurn() {
		try {
			options.update(new LlmChoice("anthropic/claude-3.5-haiku", List.of("openai/gpt-4o-mini"), new BigDecimal("20")),
					"test");
			openRouter.nextToolCalls(new ToolCall("mention_elements", "{\"mentions\":[\"escape\"]}"));

			says("escape");

			JsonNode last = openRouter.bodies().get(openRouter.requestCount() - 1);
			assertThat(last.path("model").asString()).isEqualTo("anthropic/claude-3.5-haiku");
			assertThat(last.path("models").toString()).isEqualTo("[\"anthropic/claude-3.5-haiku\",\"openai/gpt-4o-mini\"]");
		}
		finally {
			options.reset("test");
		}
	}

	@Test
	void answersAQuestionFromTheKnowledgeBaseWithAShortWindow() {
		openRouter.nextToolCalls(new ToolCall("mention_elements", "{\"mentions\":[\"escape\"]}"));
		says("escape");
		openRouter.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"plazo\",\"topic\":\"plazo\"}"));
		int requestsBefore = openRouter.requestCount();

		String reply = String.join("\n", says("y esto pa cuando estaria"));

		assertThat(reply).contains("4 días hábiles").doesNotContain("persona del equipo");
		assertThat(openRouter.requestCount()).isEqualTo(requestsBefore + 1);
		JsonNode last = openRouter.bodies().get(openRouter.requestCount() - 1);
		String system = last.path("messages").get(0).path("content").asString();
		assertThat(system).contains("Fase: QUOTED").contains("Cliente: escape");
		assertThat(last.path("messages").get(1).path("content").asString()).isEqualTo("y esto pa cuando estaria");
	}

	@Test
	void sendsTheAnswerTheModelWroteFromTheFactsItWasGiven() {
		String written = "Te lo tenemos en unos 4 días hábiles desde que nos llega todo, en formato digital.";
		openRouter.nextToolCalls(new ToolCall("ask_question",
				"{\"question\":\"plazo\",\"topic\":\"plazo\",\"answer\":\"" + written + "\"}"));

		String reply = String.join("\n", says("¿cuánto tardáis en tenerlo?"));

		assertThat(reply).contains(written).doesNotContain("proyecto técnico y el certificado final de obra");
		JsonNode last = openRouter.bodies().get(openRouter.requestCount() - 1);
		assertThat(last.path("messages").get(0).path("content").asString()).contains("- plazo: Una vez tenemos toda la documentación");
		assertThat(jdbc.sql("SELECT outcome || ' ' || COALESCE(fallback_reason, '-') FROM llm_calls WHERE conversation_id = :c")
			.param("c", conversation).query(String.class).list()).containsExactly("used -");
	}

	@Test
	void sendsTheStoredAnswerWhenTheModelInventsAPhoneNumber() {
		openRouter.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"direccion\",\"topic\":\"horario-direccion\","
				+ "\"answer\":\"Estamos en Churriana (Málaga); llámanos al 600 123 456.\"}"));

		String reply = String.join("\n", says("¿dónde estáis?"));

		assertThat(reply).contains("Remedios Varo").contains("952 208 844").doesNotContain("600 123 456");
		assertThat(jdbc.sql("SELECT outcome || ' ' || fallback_reason FROM llm_calls WHERE conversation_id = :c")
			.param("c", conversation).query(String.class).list()).containsExactly("used guard");
	}

	@Test
	void fillsTheCaseFieldsTheModelReadAndRefusesAnInvalidDniWithTheUsualExplanation() {
		openRouter.nextToolCalls(new ToolCall("mention_elements", "{\"mentions\":[\"escape\"]}"));
		says("quiero legalizar el escape");
		openRouter.nextToolCalls(ToolCall.of("affirm"));
		assertThat(String.join("\n", says("vale, adelante"))).contains("Abro tu expediente *MSI-");
		int requestsBefore = openRouter.requestCount();
		assertThat(String.join("\n", sendsPhotos(2))).contains("Marca y modelo del escape");
		assertThat(openRouter.requestCount()).isEqualTo(requestsBefore);

		openRouter.nextToolCalls(new ToolCall("fill_case_fields", """
				{"values":[{"field":"marca_modelo","value":"Akrapovic Racing Line"},{"field":"tipo","value":"toda la línea"},
				{"field":"homologado_para_modelo","value":"sí"},{"field":"nombre","value":"Lucía"}]}"""));
		// The text reader cannot tell which pieces make the make and model; the model can.
		String filled = String.join("\n", says("Akrapovic, completa, Racing Line, si"));

		JsonNode request = openRouter.bodies().get(openRouter.requestCount() - 1);
		assertThat(openRouter.requestCount()).isEqualTo(requestsBefore + 1);
		assertThat(request.path("messages").get(0).path("content").asString())
			.contains("Datos del expediente que se piden ahora: Escape (línea completa)").contains("- marca_modelo: ");
		assertThat(request.path("tools").toString()).contains("fill_case_fields");
		assertThat(filled).doesNotContain("Marca y modelo del escape").doesNotContain("es el dato").doesNotContain("No sé a qué dato");
		JsonNode escape = caseData().path("items").get(0).path("fields");
		assertThat(escape.path("marca_modelo").asString()).isEqualTo("Akrapovic Racing Line");
		assertThat(escape.path("tipo").asString()).isEqualTo("Línea completa");
		assertThat(escape.path("homologado_para_modelo").asString()).isEqualTo("true");
		assertThat(caseData().path("personal").has("nombre")).isFalse();

		sendsPhotos(1);
		sendsPhotos(1);
		sendsPhotos(4);
		assertThat(String.join("\n", says("no aplica"))).contains("Nombre");
		openRouter.nextToolCalls(new ToolCall("fill_case_fields", """
				{"values":[{"field":"nombre","value":"Lucía Martín"},{"field":"dni_nie_cif","value":"12345678A"},
				{"field":"email","value":"lucia@example.com"}]}"""));
		int beforeData = openRouter.requestCount();

		// The text reader takes the name and the e-mail; the DNI only the model gives, and it is wrong.
		String refused = String.join("\n", says("Lucía Martín, lucia@example.com"));

		assertThat(openRouter.requestCount()).isEqualTo(beforeData + 1);
		assertThat(refused).contains("El DNI/NIE «12345678A» no es válido: la letra no corresponde con el número.")
			.contains("DNI, NIE o CIF");
		JsonNode personal = caseData().path("personal");
		assertThat(personal.path("nombre").asString()).isEqualTo("Lucía Martín");
		assertThat(personal.path("email").asString()).isEqualTo("lucia@example.com");
		assertThat(personal.has("dni_nie_cif")).isFalse();
		assertThat(jdbc.sql("SELECT count(*) FROM llm_calls WHERE conversation_id = :c").param("c", conversation)
			.query(Long.class).single()).isEqualTo(openRouter.requestCount() - requestsBefore + 2);
	}

}
