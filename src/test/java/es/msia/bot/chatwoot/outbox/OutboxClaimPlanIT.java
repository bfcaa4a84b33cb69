package es.msia.bot.chatwoot.outbox;

import java.util.List;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim must not read the replies already sent. With only the old index on next_attempt_at,
 * PostgreSQL answered {@code ORDER BY id LIMIT} by walking the primary key through every reply ever
 * sent (68 ms a claim at 4,500 rows under load, #16); the plan has to start from the open replies.
 */
class OutboxClaimPlanIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void aClaimStartsFromTheOpenRepliesHoweverManyWereSent() {
		long conversation = nextId();
		jdbc.sql("""
				INSERT INTO outbound_messages (idempotency_key, conversation_id, content, status, delivered_at)
				SELECT 'claim-plan-' || :conversation || '-' || n, :conversation, 'enviado', 'sent', now()
				FROM generate_series(1, 20000) AS n""").param("conversation", conversation).update();
		jdbc.sql("ANALYZE outbound_messages").update();

		List<String> plan = jdbc.sql("EXPLAIN " + OutboxRows.CLAIM).param("lease", 30).param("batch", 20)
			.query(String.class).list();

		String candidates = String.join("\n", plan);
		assertThat(candidates).as("claim plan:\n%s", candidates)
			.containsPattern("Index Scan using outbound_open_idx on outbound_messages c|Bitmap Index Scan on outbound_open_idx")
			.doesNotContainPattern("outbound_messages_pkey on outbound_messages c\\b|Seq Scan on outbound_messages c\\b");
	}

}
