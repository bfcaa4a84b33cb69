package es.msia.bot.conversation;

import java.util.concurrent.atomic.AtomicReference;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.conversation.flow.DialoguePolicy;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import org.springframework.stereotype.Component;

/**
 * The policy and the offline understanding built on the live catalogue, rebuilt when staff edit it
 * (the catalogue version changes), so the next turn quotes with the new prices and keywords.
 */
@Component
public class CatalogEngines {

	/** The engines of one catalogue version. */
	public record Engines(CatalogDefinition catalog, DialoguePolicy policy, OfflineUnderstanding understanding) {
	}

	private final Catalog catalog;

	private final AtomicReference<Engines> current = new AtomicReference<>();

	CatalogEngines(Catalog catalog) {
		this.catalog = catalog;
	}

	public Engines current() {
		CatalogDefinition definition = catalog.current();
		Engines engines = current.get();
		if (engines != null && engines.catalog().version().equals(definition.version())) {
			return engines;
		}
		// One thread builds; the turns that arrive meanwhile (hundreds after a restart) wait for it instead
		// of each building the same matchers.
		synchronized (this) {
			engines = current.get();
			if (engines == null || !engines.catalog().version().equals(definition.version())) {
				engines = new Engines(definition, new DialoguePolicy(definition),
						new OfflineUnderstanding(new ElementMatcher(definition)));
				current.set(engines);
			}
			return engines;
		}
	}

}
