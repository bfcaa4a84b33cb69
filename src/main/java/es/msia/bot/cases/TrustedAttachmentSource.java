package es.msia.bot.cases;

import java.net.URI;

/**
 * A place other than Chatwoot from which this process may download a customer's attachment. Attachments
 * come from Chatwoot's hosts only ({@code CHATWOOT_API_URL}, {@code CHATWOOT_STORAGE_DOMAIN}); the panel's
 * simulator, which has no Chatwoot, implements this to hand over the files staff upload through a
 * short-lived link of its own. An implementation must accept only the exact links it serves: the webhook
 * body is untrusted input, and whatever this answers {@code true} for is fetched by the server.
 */
public interface TrustedAttachmentSource {

	/** True when {@code uri} is one of this source's own links (checked again on every redirect hop). */
	boolean serves(URI uri);

}
