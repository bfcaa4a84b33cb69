package es.msia.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import es.msia.bot.shared.SimulatedConversations;
import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The panel's read model over real turns: a quoted conversation shows its phase and quote, the list
 * filters find it, and the figures count it while simulated conversations stay out of them (and out
 * of Chatwoot).
 */
class ConversationViewIT extends IntegrationTest {

	@Autowired
	ConversationView view;

	@Test
	void showsAQuotedConversationAndCountsOnlyRealOnes() {
		ConversationView.Figures before = view.figures(Instant.now());
		List<ConversationView.Day> daysBefore = view.daily(30);
		long real = nextId();
		long simulated = SimulatedConversations.FIRST_ID * 2 + nextId();
		String phone = "+3461" + (1_000_000 + real % 8_999_999);
		String simulatedPhone = "+3462" + (1_000_000 + real % 8_999_999);

		say(real, phone, "Hola! quiero homologar un escape y el manillar");
		say(simulated, simulatedPhone, "Hola! quiero homologar un escape y el manillar");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> view.snapshot(real).quote().isPresent() && view.snapshot(simulated).quote().isPresent());

		ConversationView.Snapshot snapshot = view.snapshot(real);
		assertThat(snapshot.phase()).isEqualTo("QUOTED");
		assertThat(snapshot.items()).containsExactlyInAnyOrder("ESCAPE", "MANILLAR");
		assertThat(snapshot.quote().get().tierCode()).isEqualTo("T5");
		assertThat(snapshot.quote().get().totalWithVat()).isEqualByComparingTo("211.75");

		assertThat(view.list(new ConversationView.Filter(phone.substring(4), "BOT", false, null, 10)))
			.extracting(ConversationView.Summary::id)
			.containsExactly(real);
		assertThat(view.list(new ConversationView.Filter(phone.substring(4), "HUMAN", false, null, 10))).isEmpty();
		assertThat(view.list(new ConversationView.Filter(Long.toString(simulated), "", false, null, 10)))
			.singleElement()
			.satisfies(s -> assertThat(s.simulated()).isTrue());

		ConversationView.Figures after = view.figures(Instant.now());
		assertThat(after.conversationsToday() - before.conversationsToday()).isEqualTo(1);
		assertThat(after.quotesToday() - before.quotesToday()).isEqualTo(1);
		List<ConversationView.Day> days = view.daily(30);
		assertThat(days).hasSize(30);
		assertThat(days.get(29).quotes() - daysBefore.get(29).quotes()).isEqualTo(1);
		// The real reply reaches Chatwoot; by then the simulated one, written at the same time, was kept back.
		await().atMost(Duration.ofSeconds(10)).until(() -> chatwoot.requestsFor(real) > 0);
		assertThat(chatwoot.requestsFor(simulated)).isZero();
	}

	private void say(long conversationId, String phone, String text) {
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversationId, phone, text).toString())
			.statusCode()).isEqualTo(200);
	}

}
