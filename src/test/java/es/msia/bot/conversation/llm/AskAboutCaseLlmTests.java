package es.msia.bot.conversation.llm;

import java.util.List;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import es.msia.bot.support.FakeOpenRouter;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * «¿Cómo va mi expediente?» on the LLM path: the model only classifies it (the {@code ask_question} topic
 * {@code mi_expediente}); a text it wrote for it never reaches the customer, and a question the model filed
 * under another topic that the deterministic recogniser knows is still answered from the case.
 */
class AskAboutCaseLlmTests {

	static final UnderstandingContext COLLECTING = new UnderstandingContext(Phase.COLLECTING_CASE, "motos-part", List.of(),
			List.of("ESCAPE"), 7);

	final FakeOpenRouter server = new FakeOpenRouter();

	final RecordingLedger ledger = new RecordingLedger();

	@AfterEach
	void close() {
		server.close();
	}

	@Test
	void theOwnCaseTopicIsOfferedAndBecomesTheQuestionAboutTheCaseWithoutTheModelsText() {
		server.nextToolCalls(new ToolCall("ask_question",
				"{\"question\":\"estado del expediente\",\"topic\":\"mi_expediente\",\"answer\":\"Tu expediente estará el lunes.\"}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		List<AgentCommand> commands = understanding.understand(COLLECTING, "oye y lo mio pa cuando");

		assertThat(commands).containsExactly(new AgentCommand.AskAboutCase("oye y lo mio pa cuando"));
		assertThat(server.bodies().get(0).path("tools").toString()).contains("mi_expediente");
	}

	@Test
	void aQuestionTheModelFiledElsewhereIsStillAboutTheCaseWhenTheRecogniserKnowsIt() {
		server.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"faltan cosas\",\"topic\":\"otro\"}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		assertThat(understanding.understand(COLLECTING, "¿qué os falta?"))
			.containsExactly(new AgentCommand.AskAboutCase("¿qué os falta?"));
	}

	@Test
	void anOrdinaryQuestionStaysAQuestion() {
		server.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"pago\",\"topic\":\"otro\"}"));
		var understanding = LlmFixtures.understanding(LlmFixtures.settings(server), ledger);

		assertThat(understanding.understand(COLLECTING, "¿puedo pagar con tarjeta?")).singleElement()
			.isInstanceOf(AgentCommand.AskQuestion.class);
	}

}
