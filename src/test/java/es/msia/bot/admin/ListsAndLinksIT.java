package es.msia.bot.admin;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import es.msia.bot.customers.Customers;
import es.msia.bot.shared.PhoneNumber;
import es.msia.bot.support.ChatwootPayloads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Panel lists are paged by 25 with links that keep the filters, show an empty state, and the pages of a
 * conversation, its customer and its case link to each other.
 */
class ListsAndLinksIT extends PanelTest {

	@Autowired
	Customers customers;

	@Test
	void pagesTheCustomerListKeepingTheSearch() {
		String surname = "Paginada" + UUID.randomUUID().toString().substring(0, 6);
		for (int i = 0; i < 30; i++) {
			customers.upsert(new PhoneNumber("+3465" + String.format("%07d", (nextId() + i) % 10_000_000)),
					"Cliente " + i + " " + surname, null);
		}
		PanelClient panel = panel("staff");

		String first = panel.get("/customers?q=" + surname).body();
		assertThat(rows(first)).isEqualTo(25);
		assertThat(first).contains("href=\"/customers?q=" + surname + "&amp;page=2\"");
		String second = panel.get("/customers?q=" + surname + "&page=2").body();
		assertThat(rows(second)).isEqualTo(5);
		assertThat(second).doesNotContain("page=3").contains("aria-current=\"page\"");
		assertThat(panel.getHtmx("/customers?q=" + surname + "&page=2").body()).contains("page-link");

		assertThat(panel.get("/customers?q=nadie-se-llama-asi").body()).contains("No hay clientes");
		for (String list : List.of("/conversations?owner=HUMAN&page=2", "/cases?status=resolved&page=3", "/escalations?page=2")) {
			assertThat(panel.get(list).statusCode()).as(list).isEqualTo(200);
		}
	}

	@Test
	void linksACaseFromItsConversationAndCustomerAndBack() {
		long conversation = nextId();
		String phone = "+3466" + String.format("%07d", conversation % 10_000_000);
		say(conversation, phone, "quiero legalizar el escape");
		say(conversation, phone, "vale, adelante");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT count(*) FROM cases WHERE conversation_id = :c").param("c", conversation)
				.query(Long.class).single() == 1);
		Map<String, Object> c = jdbc.sql("SELECT id, reference, customer_id FROM cases WHERE conversation_id = :c")
			.param("c", conversation)
			.query()
			.singleRow();
		PanelClient panel = panel("staff");

		assertThat(panel.get("/conversations/" + conversation).body()).contains("id=\"linked-cases\"")
			.contains("href=\"/cases/" + c.get("id") + "\"").contains((String) c.get("reference"));
		assertThat(panel.get("/customers/" + c.get("customer_id")).body()).contains("href=\"/cases/" + c.get("id") + "\"");
		assertThat(panel.get("/cases/" + c.get("id")).body()).contains("href=\"/conversations/" + conversation + "\"");
		assertThat(panel.get("/conversations/" + nextId()).body()).contains("Sin expedientes");

		long quoteOnly = nextId();
		say(quoteOnly, "+3466" + String.format("%07d", quoteOnly % 10_000_000), "quiero legalizar el escape");
		assertThat(panel.get("/conversations?withCase=true&q=" + conversation).body())
			.contains("href=\"/conversations/" + conversation + "\"");
		assertThat(panel.get("/conversations?q=" + quoteOnly).body()).contains("href=\"/conversations/" + quoteOnly + "\"");
		assertThat(panel.get("/conversations?withCase=true&q=" + quoteOnly).body())
			.doesNotContain("href=\"/conversations/" + quoteOnly + "\"").contains("No hay conversaciones");
	}

	private void say(long conversation, String phone, String text) {
		int before = chatwoot.messages(conversation).size();
		assertThat(postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversation, phone, text).toString()).body()).contains("accepted");
		await().atMost(Duration.ofSeconds(20)).until(() -> chatwoot.messages(conversation).size() > before);
	}

	private static long rows(String page) {
		return Pattern.compile("href=\"/customers/\\d+\"").matcher(page).results().count();
	}

	private PanelClient panel(String role) {
		PanelClient panel = panel();
		panel.login(user(role), PASSWORD);
		return panel;
	}

}
