package es.msia.bot.conversation.llm;

import java.time.Duration;
import java.util.List;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeLlmIntegrationTest;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * «¿Cómo va mi expediente?» through the webhook with the LLM understanding on: the model only classifies
 * the message (topic {@code mi_expediente}); the words the customer reads come from the case, not from the
 * model, during the collection and after staff moved the case on.
 */
class CaseQuestionsLlmIT extends FakeLlmIntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CaseManagement cases;

	final long conversation = nextId();

	String says(String text) {
		int before = customerFacing(conversation).size();
		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversation, phoneOf(conversation), text).toString());
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing(conversation).size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		List<String> all = customerFacing(conversation);
		return String.join("\n", all.subList(before, all.size()));
	}

	@Test
	void theModelClassifiesAndTheCaseAnswersInAnyStatus() {
		openRouter.nextToolCalls(new ToolCall("mention_elements", "{\"mentions\":[\"escape\"]}"));
		says("escape");
		openRouter.nextToolCalls(ToolCall.of("affirm"));
		assertThat(says("vale, adelante")).contains("necesito estas fotos");
		String reference = jdbc.sql("SELECT reference FROM cases WHERE conversation_id = :c").param("c", conversation)
			.query(String.class).single();

		openRouter.nextToolCalls(new ToolCall("ask_question",
				"{\"question\":\"estado\",\"topic\":\"mi_expediente\",\"answer\":\"Estará listo el lunes 12.\"}"));
		String collecting = says("oye y lo mio pa cuando");
		assertThat(collecting).contains("Tu expediente *" + reference + "*").contains("*recogiendo datos*")
			.containsPattern("me faltan \\d+ cosas").contains("Seguimos con tu expediente:")
			.doesNotContain("lunes");

		long id = jdbc.sql("SELECT id FROM cases WHERE conversation_id = :c").param("c", conversation).query(Long.class).single();
		cases.changeStatus(id, CaseStatus.PENDING_REVIEW, null, "panel:ana");
		cases.changeStatus(id, CaseStatus.IN_PROGRESS, null, "panel:ana");
		cases.addNote(id, "Falta la firma del ingeniero", true, "panel:ana");
		// The in-review notice staff's change sends on its own goes out before the customer writes.
		await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
				"SELECT count(*) FROM outbound_messages WHERE conversation_id = :c AND status IN ('pending', 'sending')")
			.param("c", conversation).query(Long.class).single() == 0);
		openRouter.nextToolCalls(new ToolCall("ask_question", "{\"question\":\"estado\",\"topic\":\"mi_expediente\"}"));
		assertThat(says("¿cómo va mi expediente?")).contains("*en trámite*").contains("«Falta la firma del ingeniero»");
	}

}
