package es.msia.bot.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import es.msia.bot.conversation.state.TurnInput;
import org.springframework.stereotype.Component;

/**
 * Sends the catalogue's example slides for the quoted elements as Chatwoot attachments, through the
 * outbox: in catalogue order, each image once per request, after the text that announces them (the
 * outbox delivers a conversation's messages in order, so no sleeps are needed).
 */
@Component
public class ExampleImages {

	/** Catalogue image paths are relative to MSI's shared folder; the files ship under this resource path. */
	static final String CATALOG_PREFIX = "Imagenes/";

	static final String RESOURCE_PREFIX = "catalog/images/";

	private final CatalogEngines engines;

	private final ChatwootOutbox outbox;

	ExampleImages(CatalogEngines engines, ChatwootOutbox outbox) {
		this.engines = engines;
		this.outbox = outbox;
	}

	/** Number of distinct images the items have. */
	public List<String> imagesOf(String categorySlug, List<String> itemCodes) {
		Set<String> images = new LinkedHashSet<>();
		for (String item : itemCodes) {
			images.addAll(engines.current().policy().exampleImages(categorySlug, item));
		}
		return new ArrayList<>(images);
	}

	/**
	 * Enqueues the images after the turn's text replies ({@code reply:<message>:<n>} keys sort before
	 * {@code reply:<message>:example:<n>} in id order because they are enqueued later in the same turn).
	 */
	public void send(TurnInput turn, String categorySlug, List<String> itemCodes) {
		List<String> images = imagesOf(categorySlug, itemCodes);
		for (int i = 0; i < images.size(); i++) {
			String path = images.get(i);
			String resource = RESOURCE_PREFIX + (path.startsWith(CATALOG_PREFIX) ? path.substring(CATALOG_PREFIX.length()) : path);
			outbox.enqueue(OutboundReply.attachment("reply:" + turn.messageId() + ":example:" + i, turn.conversationId(),
					resource, turn.replyBefore()));
		}
	}

}
