package es.msia.bot.conversation.llm;

import es.msia.bot.conversation.LlmChoice;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import es.msia.bot.cases.OpenFields;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import es.msia.bot.knowledge.FaqEntry;
import es.msia.bot.support.FakeOpenRouter;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static es.msia.bot.conversation.llm.LlmFixtures.OFFLINE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LLM understanding against a fake OpenRouter: tool calls become commands resolved by the catalogue;
 * every failure mode hands the turn to the offline engine; requests stay within the call and token budget.
 */
class LlmUnderstandingTests {

	static final UnderstandingContext FRESH = new UnderstandingContext(Phase.COLLECTING_ELEMENTS, "motos-part",
			List.of(), List.of(), 7);

	final FakeOpenRouter server = new FakeOpenRouter();

	final RecordingLedger ledger = new RecordingLedger();

	@AfterEach
	void close() {
		server.close();
	}

	@Test
	void turnsToolCallsIntoCommandsResolvedByTheCatalogue() {
		server.nextToolCalls(ToolCall.of("greet"), new ToolCall("mention_elements", "{\"mentions\":[\"escape\",\"manillar\"]}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		List<AgentCommand> commands = understanding.understand(FRESH, "hola, le he puesto escape y un manillar nuevo");

		List<AgentCommand> expected = new ArrayList<>();
		expected.add(new AgentCommand.Greet());
		expected.addAll(OFFLINE.understand(FRESH, "escape, manillar"));
		assertThat(commands).isEqualTo(expected);
		assertThat(commands).anySatisfy(c -> assertThat(c).isInstanceOfSatisfying(AgentCommand.MentionElements.class,
				m -> assertThat(m.itemCodes()).hasSize(2)));
		assertThat(ledger.calls()).singleElement().satisfies(call -> {
			assertThat(call.outcome()).isEqualTo("used");
			assertThat(call.conversationId()).isEqualTo(7);
			assertThat(call.cost()).isEqualByComparingTo("0.0000756");
		});
	}

	@Test
	void sendsOpenRouterHeadersToolsAndTheFallbackModels() {
		server.nextToolCalls(ToolCall.of("greet"));
		var settings = LlmFixtures.settings(server, List.of("anthropic/claude-3.5-haiku"), Duration.ofSeconds(5), 0,
				new BigDecimal("20"));
		LlmFixtures.understanding(settings, ledger).understand(FRESH, "hola");

		var request = server.requests().get(0);
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + FakeOpenRouter.KEY);
		assertThat(request.getHeaders().get("HTTP-Referer")).isEqualTo("https://example.test");
		assertThat(request.getHeaders().get("X-Title")).isEqualTo("MSI-a tests");
		JsonNode body = server.bodies().get(0);
		assertThat(body.path("models").toString()).isEqualTo("[\"openai/gpt-4o-mini\",\"anthropic/claude-3.5-haiku\"]");
		assertThat(body.path("tools").findValuesAsString("name")).contains("mention_elements", "ask_question", "off_topic")
			.doesNotContain("answer_variant");
	}

	@Test
	void recordsTheBackupModelWhenOpenRouterFallsBack() {
		server.primaryDown(true);
		server.nextToolCalls(ToolCall.of("thank"));
		var settings = LlmFixtures.settings(server, List.of("anthropic/claude-3.5-haiku"), Duration.ofSeconds(5), 0,
				new BigDecimal("20"));

		assertThat(LlmFixtures.understanding(settings, ledger).understand(FRESH, "gracias")).containsExactly(new AgentCommand.Thank());
		assertThat(ledger.calls()).singleElement().extracting(CallLedger.Call::model).isEqualTo("anthropic/claude-3.5-haiku");
	}

	@Test
	void neverAcceptsCodesTheModelInvents() {
		server.nextToolCalls(new ToolCall("mention_elements", "{\"mentions\":[\"PLACA_200W\"]}"));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger)
			.understand(FRESH, "quiero legalizar la PLACA_200W");

		assertThat(commands).singleElement().isInstanceOfSatisfying(AgentCommand.MentionElements.class, m -> {
			assertThat(m.itemCodes()).isEmpty();
			assertThat(m.unknownTerms()).isNotEmpty();
		});
	}

	@Test
	void answersAQuestionFromTheKnowledgeBaseEntryTheModelNamed() {
		server.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"plazo de entrega\",\"topic\":\"plazo\"}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, id -> List.of(),
				key -> "plazo".equals(key) ? Optional.of("Unos 4 días hábiles.") : Optional.empty(), List.of("plazo"));

		assertThat(understanding.understand(FRESH, "y eso pa cuando lo tendria"))
			.containsExactly(new AgentCommand.AskQuestion("y eso pa cuando lo tendria", "Unos 4 días hábiles."));
	}

	@Test
	void retriesARateLimitWithJitterThenUsesTheAnswer() {
		server.nextError(429, 1);
		server.nextToolCalls(ToolCall.of("affirm"));

		assertThat(LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(FRESH, "vale"))
			.containsExactly(new AgentCommand.Affirm());
		assertThat(server.requestCount()).isEqualTo(2);
	}

	static Stream<Arguments> failures() {
		return Stream.of(
				Arguments.of("400", (Consumer<FakeOpenRouter>) s -> s.nextError(400, null), 1),
				Arguments.of("401", (Consumer<FakeOpenRouter>) s -> s.nextError(401, null), 1),
				Arguments.of("402", (Consumer<FakeOpenRouter>) s -> s.nextError(402, null), 1),
				Arguments.of("403", (Consumer<FakeOpenRouter>) s -> s.nextError(403, null), 1),
				Arguments.of("404", (Consumer<FakeOpenRouter>) s -> s.nextError(404, null), 1),
				Arguments.of("429 x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3).forEach(i -> s.nextError(429, 1)), 3),
				Arguments.of("502 x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3).forEach(i -> s.nextError(502, null)), 3),
				Arguments.of("503 x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3).forEach(i -> s.nextError(503, 1)), 3),
				// The error object inside the 200 says 502, so it is retried like a 502 status.
				Arguments.of("error inside 200 x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3).forEach(i -> s.nextErrorInside200()), 3),
				Arguments.of("empty choices", (Consumer<FakeOpenRouter>) FakeOpenRouter::nextEmptyChoices, 1),
				Arguments.of("malformed JSON in a 200", (Consumer<FakeOpenRouter>) s -> s.nextRaw(200, "application/json",
						"{\"id\":\"gen-1\",\"choices\":[{\"message\":"), 1),
				Arguments.of("HTML in a 200", (Consumer<FakeOpenRouter>) s -> s.nextRaw(200, "text/html",
						"<html><body>Bad gateway</body></html>"), 1),
				Arguments.of("no choices key", (Consumer<FakeOpenRouter>) s -> s.nextRaw(200, "application/json",
						"{\"id\":\"gen-1\",\"object\":\"chat.completion\",\"model\":\"openai/gpt-4o-mini\"}"), 1),
				Arguments.of("error inside a choice", (Consumer<FakeOpenRouter>) s -> s.nextRaw(200, "application/json",
						"{\"id\":\"gen-1\",\"choices\":[{\"index\":0,\"finish_reason\":\"error\",\"error\":{\"code\":400,"
								+ "\"message\":\"Invalid request parameters\"}}]}"), 1),
				// A stream nobody asked for: its mid-stream 429 is retried like the status, then offline.
				Arguments.of("mid-stream error x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3)
					.forEach(i -> s.nextStreamWithMidStreamError(429)), 3),
				Arguments.of("mid-stream server_error x3", (Consumer<FakeOpenRouter>) s -> IntStream.range(0, 3)
					.forEach(i -> s.nextStreamWithMidStreamError("server_error")), 3),
				Arguments.of("malformed arguments", (Consumer<FakeOpenRouter>) s -> s.nextMalformedArguments("mention_elements"), 1),
				Arguments.of("text, no tool", (Consumer<FakeOpenRouter>) s -> s.nextText("¡Claro! Son 175 €"), 1),
				Arguments.of("unknown tool", (Consumer<FakeOpenRouter>) s -> s.nextToolCalls(ToolCall.of("give_discount")), 1),
				Arguments.of("tool not offered", (Consumer<FakeOpenRouter>) s -> s.nextToolCalls(
						new ToolCall("answer_variant", "{\"answer\":\"trasera\"}")), 1),
				Arguments.of("missing argument", (Consumer<FakeOpenRouter>) s -> s.nextToolCalls(
						new ToolCall("mention_elements", "{}")), 1),
				Arguments.of("bad vehicle", (Consumer<FakeOpenRouter>) s -> s.nextToolCalls(
						new ToolCall("mention_vehicle", "{\"vehicle\":\"nave espacial\"}")), 1),
				Arguments.of("case fields when no case asks any", (Consumer<FakeOpenRouter>) s -> s.nextToolCalls(
						new ToolCall("fill_case_fields", "{\"values\":[{\"field\":\"email\",\"value\":\"a@b.es\"}]}")), 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("failures")
	void handsTheTurnToTheOfflineEngineOnFailure(String name, Consumer<FakeOpenRouter> failure, int expectedRequests) {
		failure.accept(server);
		String text = "quiero homologar un escape y el manillar";

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(FRESH, text);

		assertThat(commands).isEqualTo(OFFLINE.understand(FRESH, text));
		assertThat(server.requestCount()).isEqualTo(expectedRequests);
		assertThat(ledger.calls()).singleElement().extracting(CallLedger.Call::outcome).isIn("failed", "unusable");
	}

	@Test
	void waitsForAShortRetryAfterBeforeRetrying() {
		server.nextError(429, 1);
		server.nextToolCalls(ToolCall.of("affirm"));
		long started = System.nanoTime();

		assertThat(LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(FRESH, "vale"))
			.containsExactly(new AgentCommand.Affirm());

		// The configured backoff is 5 ms: only the header explains a wait of a second.
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
		assertThat(server.requestCount()).isEqualTo(2);
		assertThat(ledger.calls()).singleElement().satisfies(call -> {
			assertThat(call.attempts()).isEqualTo(2);
			assertThat(call.fallbackReason()).isNull();
		});
	}

	@Test
	void answersOfflineAtOnceWhenRetryAfterIsLongerThanWeWait() {
		server.nextError(503, 120);
		server.nextToolCalls(ToolCall.of("affirm"));
		long started = System.nanoTime();
		String text = "quiero homologar un escape";

		assertThat(LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(FRESH, text))
			.isEqualTo(OFFLINE.understand(FRESH, text));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
		assertThat(server.requestCount()).isEqualTo(1);
		assertThat(ledger.calls()).singleElement().satisfies(call -> {
			assertThat(call.outcome()).isEqualTo("failed");
			assertThat(call.fallbackReason()).isEqualTo("unavailable");
		});
	}

	@Test
	void readsRetryAfterAsSecondsOrHttpDate() {
		java.time.Instant now = java.time.Instant.parse("2026-12-02T04:00:00Z");
		assertThat(OpenRouterHttp.retryAfter("7", now)).isEqualTo(Duration.ofSeconds(7));
		assertThat(OpenRouterHttp.retryAfter("Wed, 02 Dec 2026 04:00:30 GMT", now)).isEqualTo(Duration.ofSeconds(30));
		assertThat(OpenRouterHttp.retryAfter("soon", now)).isNull();
		assertThat(OpenRouterHttp.retryAfter(null, now)).isNull();
	}

	@Test
	void handsATimedOutTurnToTheOfflineEngine() {
		server.nextSlow(3);
		var settings = LlmFixtures.settings(server, List.of(), Duration.ofMillis(500), 0, new BigDecimal("20"));

		assertThat(LlmFixtures.understanding(settings, ledger).understand(FRESH, "hola")).isEqualTo(OFFLINE.understand(FRESH, "hola"));
	}

	@Test
	void opensTheBreakerAfterRepeatedFailuresAndStopsCalling() {
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server, List.of(), Duration.ofSeconds(5), 0,
				new BigDecimal("20")), ledger);
		IntStream.range(0, 3).forEach(i -> server.nextError(502, null));
		IntStream.range(0, 3).forEach(i -> understanding.understand(FRESH, "hola"));

		assertThat(understanding.understand(FRESH, "gracias")).containsExactly(new AgentCommand.Thank());
		assertThat(server.requestCount()).isEqualTo(3);
	}

	@Test
	void usesTheOfflineEngineOnceTheMonthlyBudgetIsSpent() {
		// 21.74 USD credits at 0.92 = 20.0008 EUR: the 20 EUR budget is spent.
		ledger.spentBefore(new BigDecimal("21.74"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		assertThat(understanding.understand(FRESH, "gracias")).containsExactly(new AgentCommand.Thank());
		assertThat(understanding.understand(FRESH, "hola")).isEqualTo(OFFLINE.understand(FRESH, "hola"));
		assertThat(server.requestCount()).isZero();
		assertThat(ledger.calls()).hasSize(2).allSatisfy(call -> {
			assertThat(call.outcome()).isEqualTo("skipped");
			assertThat(call.fallbackReason()).isEqualTo("budget");
			assertThat(call.attempts()).isZero();
		});
	}

	@Test
	void warnsStaffInTheLogOnceAMonthNotOnEveryTurn() {
		ledger.spentBefore(new BigDecimal("100"));
		var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(LlmUnderstanding.class);
		var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
		appender.start();
		logger.addAppender(appender);
		try {
			var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);
			IntStream.range(0, 3).forEach(i -> understanding.understand(FRESH, "hola"));
		}
		finally {
			logger.detachAppender(appender);
		}

		assertThat(appender.list).filteredOn(e -> e.getFormattedMessage().contains("budget")).singleElement().satisfies(e -> {
			assertThat(e.getLevel()).isEqualTo(ch.qos.logback.classic.Level.WARN);
			assertThat(e.getFormattedMessage()).contains("20 EUR", "92.00 EUR spent");
		});
	}

	@Test
	void comparesTheBudgetInEurosNotInUsdCredits() {
		// 21 USD credits are 19.32 EUR: under a 20 EUR budget, so the model is still asked.
		ledger.spentBefore(new BigDecimal("21.00"));
		server.nextToolCalls(ToolCall.of("thank"));

		assertThat(LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(FRESH, "gracias"))
			.containsExactly(new AgentCommand.Thank());
		assertThat(server.requestCount()).isEqualTo(1);
	}

	@Test
	void picksUpTheModelAndBudgetAdminsChangeWithoutARestart() {
		var choice = new java.util.concurrent.atomic.AtomicReference<>(
				new LlmChoice("openai/gpt-4o-mini", List.of(), new BigDecimal("20")));
		var understanding = new LlmUnderstanding(LlmFixtures.settings(server), ledger, new LlmUnderstanding.Sources(
				() -> LlmFixtures.CATALOG, OFFLINE, id -> List.of(), List::of, key -> Optional.empty()), choice::get, () -> {
				});
		understanding.understand(FRESH, "hola");

		choice.set(new LlmChoice("anthropic/claude-3.5-haiku", List.of("openai/gpt-4o-mini"), new BigDecimal("20")));
		understanding.understand(FRESH, "hola");
		choice.set(new LlmChoice("anthropic/claude-3.5-haiku", List.of(), BigDecimal.ZERO));
		understanding.understand(FRESH, "hola");

		assertThat(server.bodies()).hasSize(2);
		assertThat(server.bodies().get(0).path("model").asString()).isEqualTo("openai/gpt-4o-mini");
		assertThat(server.bodies().get(0).has("models")).isFalse();
		assertThat(server.bodies().get(1).path("model").asString()).isEqualTo("anthropic/claude-3.5-haiku");
		assertThat(server.bodies().get(1).path("models").toString())
			.isEqualTo("[\"anthropic/claude-3.5-haiku\",\"openai/gpt-4o-mini\"]");
		assertThat(ledger.calls()).last().extracting(CallLedger.Call::fallbackReason).isEqualTo("budget");
	}

	@Test
	void recordsTheTurnsTheOpenBreakerSendsOffline() {
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server, List.of(), Duration.ofSeconds(5), 0,
				new BigDecimal("20")), ledger);
		IntStream.range(0, 3).forEach(i -> server.nextError(400, null));
		IntStream.range(0, 4).forEach(i -> understanding.understand(FRESH, "hola"));

		assertThat(ledger.calls()).extracting(CallLedger.Call::fallbackReason)
			.containsExactly("rejected", "rejected", "rejected", "breaker_open");
	}

	@Test
	void keepsEachCallWithinTheTokenBudgetWithAShortWindowNotTheHistory() {
		List<String> history = IntStream.range(0, 60)
			.mapToObj(i -> "Cliente: mensaje " + i + " " + "con bastante texto para ocupar tokens ".repeat(8))
			.toList();
		server.nextToolCalls(ToolCall.of("greet"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, id -> history,
				key -> Optional.empty(), List.of("plazo"));

		understanding.understand(FRESH, "hola");

		JsonNode body = server.bodies().get(0);
		String system = body.path("messages").get(0).path("content").asString();
		assertThat(UnderstandingPrompt.count(body.path("messages").toString() + body.path("tools").toString()))
			.isLessThanOrEqualTo(2500);
		assertThat(system).doesNotContain("mensaje 0 ").contains("mensaje 59 ");
		assertThat(body.path("messages")).hasSize(2);
	}

	static final List<FaqEntry> FAQ = List.of(
			new FaqEntry("plazo", "¿Cuánto tardáis?", "El proyecto y el certificado final de obra se elaboran en unos 4 días hábiles.",
					List.of("cuanto tardais", "plazo")),
			new FaqEntry("horario-direccion", "¿Dónde estáis?",
					"Estamos en C/ Remedios Varo nº 6, 29140 Churriana (Málaga). Llámanos al 952 208 844.",
					List.of("donde estais", "telefono")));

	static String system(JsonNode body) {
		return body.path("messages").get(0).path("content").asString();
	}

	@Test
	void deliversAnAnswerTheModelWroteFromTheFactsOfThatCall() {
		String written = "Lo tenemos en unos 4 días hábiles desde que nos llega todo.";
		server.nextToolCalls(new ToolCall("ask_question", answerArgs("plazo", written)));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, FAQ)
			.understand(FRESH, "¿cuánto tardáis?");

		assertThat(commands).containsExactly(new AgentCommand.AskQuestion("¿cuánto tardáis?", written));
		JsonNode body = server.bodies().get(0);
		assertThat(system(body)).contains("- plazo: El proyecto y el certificado final de obra se elaboran en unos 4 días hábiles.")
			.doesNotContain("Remedios Varo");
		assertThat(body.path("tools").toString()).contains("\"answer\"");
		assertThat(ledger.calls()).singleElement().satisfies(call -> {
			assertThat(call.outcome()).isEqualTo("used");
			assertThat(call.fallbackReason()).isNull();
		});
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "Llámanos al 600 111 222 y te lo contamos.",
			"Son 4 días hábiles y cuesta 60 €.", "Unos 4 días, visita www.tramites-rapidos.es.",
			"Son 2 días hábiles.", "Eres el asistente de WhatsApp de MSI Automotive, te digo que 4 días." })
	void sendsTheStoredAnswerWhenTheWrittenOneFailsTheGuard(String written) {
		server.nextToolCalls(new ToolCall("ask_question", answerArgs("plazo", written)));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, FAQ)
			.understand(FRESH, "¿cuánto tardáis?");

		assertThat(commands).containsExactly(new AgentCommand.AskQuestion("¿cuánto tardáis?", FAQ.get(0).answer()));
		assertThat(ledger.calls()).singleElement().satisfies(call -> {
			assertThat(call.outcome()).isEqualTo("used");
			assertThat(call.fallbackReason()).isEqualTo("guard");
		});
	}

	@Test
	void ignoresAWrittenAnswerWhenNoFactsWereGiven() {
		server.nextToolCalls(new ToolCall("ask_question", answerArgs("otro", "Sí, aceptamos Bizum.")));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, FAQ)
			.understand(FRESH, "¿aceptáis bizum?");

		assertThat(commands).containsExactly(new AgentCommand.AskQuestion("¿aceptáis bizum?", null));
		assertThat(server.bodies().get(0).path("tools").toString()).doesNotContain("\"answer\"");
		assertThat(system(server.bodies().get(0))).contains("Datos de MSI para responder:\n-\n");
		assertThat(ledger.calls()).singleElement().extracting(CallLedger.Call::fallbackReason).isEqualTo("guard");
	}

	@Test
	void refusesAnElementTheFactsDoNotName() {
		server.nextToolCalls(new ToolCall("ask_question",
				answerArgs("horario-direccion", "Estamos en C/ Remedios Varo nº 6; también legalizamos tu escape akrapovic.")));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, FAQ)
			.understand(FRESH, "¿dónde estáis?");

		assertThat(commands).containsExactly(new AgentCommand.AskQuestion("¿dónde estáis?", FAQ.get(1).answer()));
	}

	static String answerArgs(String topic, String answer) {
		return tools.jackson.databind.json.JsonMapper.builder().build().createObjectNode()
			.put("question", "pregunta").put("topic", topic).put("answer", answer).toString();
	}

	static final es.msia.bot.catalog.ElementDefinition ESCAPE = LlmFixtures.CATALOG.category("motos-part").orElseThrow()
		.element("ESCAPE").orElseThrow();

	/** A case asking the exhaust's make, which part was changed and whether it is type-approved. */
	static final UnderstandingContext ESCAPE_FIELDS = new UnderstandingContext(Phase.COLLECTING_CASE, "motos-part",
			List.of(), List.of("ESCAPE"), 7, new OpenFields("item:ESCAPE", ESCAPE.nameEs(), ESCAPE.requiredFields().subList(0, 3)));

	@Test
	void readsTheValuesOfTheFieldsTheCaseAsksAndDropsAnyOtherKey() {
		server.nextToolCalls(new ToolCall("fill_case_fields", """
				{"values":[{"field":"marca_modelo","value":" Akrapovic Racing Line "},
				{"field":"tipo","value":"toda la línea"},
				{"field":"contrasena_homologacion","value":"e13*97/24*0123"},
				{"field":"email","value":"lucia@example.com"},
				{"field":"homologado_para_modelo","value":true},
				{"field":"marca_modelo","value":"Yoshimura"},
				{"value":"sin campo"}]}"""));

		List<AgentCommand> commands = LlmFixtures.understanding(LlmFixtures.settings(server), ledger)
			.understand(ESCAPE_FIELDS, "es un akrapovic racing line, toda la línea, homologado sí, mi email lucia@example.com");

		assertThat(commands).containsExactly(new AgentCommand.ProvideCaseFields(Map.of("marca_modelo", "Akrapovic Racing Line",
				"tipo", "toda la línea", "homologado_para_modelo", "sí")));
		JsonNode body = server.bodies().get(0);
		JsonNode tool = StreamSupport.stream(body.path("tools").spliterator(), false)
			.filter(t -> t.path("function").path("name").asString().equals("fill_case_fields"))
			.findFirst().orElseThrow().path("function").path("parameters");
		assertThat(tool.path("properties").path("values").path("items").path("properties").path("field").path("enum").toString())
			.isEqualTo("[\"marca_modelo\",\"tipo\",\"homologado_para_modelo\"]");
		assertThat(system(body)).contains("- Datos del expediente que se piden ahora: Escape (línea completa)")
			.contains("  - tipo: ¿Qué parte has cambiado? (una de: Línea completa | Colector | Solo silencioso)");
		assertThat(ledger.calls()).singleElement().extracting(CallLedger.Call::outcome).isEqualTo("used");
	}

	@Test
	void keepsTheRestOfTheTurnWhenNoProposedKeyIsAsked() {
		server.nextToolCalls(ToolCall.of("affirm"),
				new ToolCall("fill_case_fields", "{\"values\":[{\"field\":\"email\",\"value\":\"lucia@example.com\"}]}"));

		assertThat(LlmFixtures.understanding(LlmFixtures.settings(server), ledger).understand(ESCAPE_FIELDS, "sí, lucia@example.com"))
			.containsExactly(new AgentCommand.Affirm());
	}

	@Test
	void offersCaseFieldsOnlyWhileACaseAsksForFields() {
		server.nextToolCalls(ToolCall.of("greet"));
		server.nextToolCalls(ToolCall.of("affirm"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		understanding.understand(FRESH, "hola");
		understanding.understand(new UnderstandingContext(Phase.COLLECTING_CASE, "motos-part", List.of(), List.of("ESCAPE"), 7),
				"vale");

		assertThat(server.bodies()).allSatisfy(body -> {
			assertThat(body.path("tools").findValuesAsString("name")).doesNotContain("fill_case_fields");
			assertThat(system(body)).contains("- Datos del expediente que se piden ahora: ninguno");
		});
	}

	@Test
	void aCaseTurnWithTheLargestFieldsStaysWithinTheTokenBudgetOnTheWire() {
		OpenFields largest = UnderstandingPromptTests.largestFieldStep();
		List<String> history = IntStream.range(0, 6)
			.mapToObj(i -> "Cliente: mensaje " + i + " " + "con las piezas del carenado que he montado ".repeat(7))
			.toList();
		server.nextToolCalls(new ToolCall("fill_case_fields", "{\"values\":[]}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger, id -> history,
				key -> Optional.empty(), UnderstandingPromptTests.FAQ_KEYS);

		understanding.understand(UnderstandingPromptTests.collecting(largest),
				"pues mira, te paso lo que me pides de las piezas del carenado que he montado ".repeat(8));

		JsonNode body = server.bodies().get(0);
		assertThat(UnderstandingPrompt.count(body.path("messages").toString() + body.path("tools").toString()))
			.isLessThanOrEqualTo(2500);
		assertThat(system(body)).contains(UnderstandingPrompt.caseFields(UnderstandingPromptTests.collecting(largest)))
			.contains("mensaje 5 ");
		assertThat(server.requestCount()).isEqualTo(1);
	}

}
