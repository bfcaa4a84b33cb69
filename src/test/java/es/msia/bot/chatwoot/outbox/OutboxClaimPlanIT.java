package es.msia.bot.chatwoot.outbox;

import java.util.List;

import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The claim must not read the replies already sent. With only an index on next_attempt_at, PostgreSQL
 * answered {@code ORDER BY id LIMIT} by walking the primary key through every reply ever sent whenever
 * its statistics still counted many replies open (68 ms a claim at 4,500 rows under load, #16).
 */
class OutboxClaimPlanIT extends IntegrationTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aClaimStartsFromTheOpenRepliesWhateverTheStatisticsSay() {
		TransactionTemplate inOneTransaction = new TransactionTemplate(transactions);
		String plan = inOneTransaction.execute(status -> {
			// As under load: statistics taken while a tenth of 20,000 replies were open and due, all of them
			// sent since. Uncommitted (the outbox never sees these rows) and rolled back, statistics included.
			long conversation = nextId();
			jdbc.sql("""
					INSERT INTO outbound_messages (idempotency_key, conversation_id, content, status)
					SELECT 'claim-plan-' || :conversation || '-' || n, :conversation + n % 500, 'respuesta',
					  CASE WHEN n % 10 = 0 THEN 'pending' ELSE 'sent' END
					FROM generate_series(1, 20000) AS n""").param("conversation", conversation).update();
			jdbc.sql("ANALYZE outbound_messages").update();
			jdbc.sql("UPDATE outbound_messages SET status = 'sent' WHERE idempotency_key LIKE :prefix AND status = 'pending'")
				.param("prefix", "claim-plan-" + conversation + "-%")
				.update();
			List<String> lines = jdbc.sql("EXPLAIN " + OutboxRows.CLAIM).param("lease", 30).param("batch", 20)
				.query(String.class).list();
			status.setRollbackOnly();
			return String.join("\n", lines);
		});

		assertThat(plan).as("claim plan:\n%s", plan)
			.containsPattern("Index Scan using outbound_open_idx on outbound_messages c|Bitmap Index Scan on outbound_open_idx")
			.doesNotContainPattern("outbound_messages_pkey on outbound_messages c\\b|Seq Scan on outbound_messages c\\b");
	}

}
