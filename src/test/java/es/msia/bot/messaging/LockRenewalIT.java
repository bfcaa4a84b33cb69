package es.msia.bot.messaging;

import java.time.Duration;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeLlmIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A turn longer than the per-conversation lock lease (2 s here; a model taking 5 s): the agent renews the
 * lease while the turn runs, so another agent cannot take the conversation and handle it a second time
 * concurrently; the lock is released when the turn ends and the customer gets the turn's reply once.
 */
class LockRenewalIT extends FakeLlmIntegrationTest {

	@Autowired
	StringRedisTemplate redis;

	@Test
	void keepsTheConversationLockedWhileATurnOutlastsTheLease() throws InterruptedException {
		long conversation = nextId();
		String key = "msia:lock:conversation:" + conversation;
		int requestsBefore = openRouter.requestCount();
		openRouter.nextSlow(5);

		postWebhook("?token=" + WEBHOOK_TOKEN,
				ChatwootPayloads.incomingText(nextId(), conversation, phoneOf(conversation), "hola buenas").toString());
		await().atMost(Duration.ofSeconds(10)).until(() -> openRouter.requestCount() > requestsBefore);
		String holder = redis.opsForValue().get(key);
		assertThat(holder).as("lock held during the turn").isNotNull();

		Thread.sleep(3_000); // beyond the 2 s lease, the model still thinking

		assertThat(redis.opsForValue().get(key)).as("lease renewed, same holder").isEqualTo(holder);
		assertThat(redis.opsForValue().setIfAbsent(key, "another-agent", Duration.ofSeconds(2)))
			.as("another agent cannot take the conversation")
			.isFalse();
		assertThat(customerFacing(conversation)).isEmpty();

		await().atMost(Duration.ofSeconds(20)).until(() -> !customerFacing(conversation).isEmpty());
		await().atMost(Duration.ofSeconds(5)).until(() -> !Boolean.TRUE.equals(redis.hasKey(key)));
		Thread.sleep(1_500); // a second handling would show up as the same replies again
		assertThat(customerFacing(conversation)).isNotEmpty().doesNotHaveDuplicates();
		assertThat(openRouter.requestCount()).as("the model was asked once").isEqualTo(requestsBefore + 1);
	}

}
