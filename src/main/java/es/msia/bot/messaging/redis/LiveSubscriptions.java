package es.msia.bot.messaging.redis;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import es.msia.bot.messaging.MessagingSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * One Redis Pub/Sub subscription to the live channels for the whole process, fanned out to the followers
 * (the panel's open transcripts). Started with the first follower, so a process nobody watches holds no
 * subscriber connection.
 */
@Component
public class LiveSubscriptions implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveSubscriptions.class);

	private final RedisConnectionFactory connections;

	private final MessagingSettings settings;

	private final List<Consumer<String>> followers = new CopyOnWriteArrayList<>();

	private RedisMessageListenerContainer container;

	LiveSubscriptions(RedisConnectionFactory connections, MessagingSettings settings) {
		this.connections = connections;
		this.settings = settings;
	}

	/** Calls {@code follower} with the JSON of every live event until the returned handle is closed. */
	public AutoCloseable follow(Consumer<String> follower) {
		start();
		followers.add(follower);
		return () -> followers.remove(follower);
	}

	private synchronized void start() {
		if (container != null) {
			return;
		}
		RedisMessageListenerContainer listener = new RedisMessageListenerContainer();
		listener.setConnectionFactory(connections);
		listener.addMessageListener((message, pattern) -> {
			String json = new String(message.getBody(), StandardCharsets.UTF_8);
			for (Consumer<String> follower : followers) {
				try {
					follower.accept(json);
				}
				catch (RuntimeException ex) {
					log.debug("Live follower failed: {}", ex.getMessage());
				}
			}
		}, List.of(new ChannelTopic(settings.outgoingChannel()), new ChannelTopic(settings.incomingChannel())));
		listener.afterPropertiesSet();
		listener.start();
		container = listener;
	}

	@Override
	public synchronized void destroy() throws Exception {
		if (container != null) {
			container.stop();
			container.destroy();
		}
	}

}
