package es.msia.bot.catalog.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.QuoteEngine;
import org.springframework.stereotype.Component;

/**
 * The catalogue in memory, rebuilt when the database revision changes. The revision is a one-row read,
 * checked at most once per {@link #CHECK_INTERVAL} so that other processes see an edit within about a
 * second without a query per quote; this process's own edits invalidate the snapshot at once.
 */
@Component
public class CatalogSnapshots {

	static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

	private final CatalogLoader loader;

	private final Clock clock = Clock.systemUTC();

	private volatile Snapshot snapshot;

	private volatile Instant nextCheck = Instant.MIN;

	// The seeder is a dependency so that the first load finds a seeded catalogue.
	CatalogSnapshots(CatalogLoader loader, CatalogSeeder seeder) {
		this.loader = loader;
		this.snapshot = Snapshot.of(loader.revision(), loader.load());
	}

	/** The current catalogue, engine and matcher, reloaded first if the revision moved on. */
	public Snapshot current() {
		Instant now = this.clock.instant();
		if (now.isAfter(this.nextCheck)) {
			refresh(now);
		}
		return this.snapshot;
	}

	/** Forces a revision check on the next {@link #current()} (after an edit committed). */
	public void invalidate() {
		this.nextCheck = Instant.MIN;
	}

	private synchronized void refresh(Instant now) {
		if (!now.isAfter(this.nextCheck)) {
			return;
		}
		int revision = this.loader.revision();
		if (revision != this.snapshot.revision()) {
			this.snapshot = Snapshot.of(revision, this.loader.load());
		}
		this.nextCheck = now.plus(CHECK_INTERVAL);
	}

	/**
	 * One catalogue revision with the engine and matcher built for it.
	 *
	 * @param revision database revision it was loaded at
	 * @param catalog the catalogue (its version carries the revision)
	 * @param engine quote engine over it
	 * @param matcher element matcher over it
	 */
	public record Snapshot(int revision, CatalogDefinition catalog, QuoteEngine engine, ElementMatcher matcher) {

		static Snapshot of(int revision, CatalogDefinition catalog) {
			return new Snapshot(revision, catalog, new QuoteEngine(catalog), new ElementMatcher(catalog));
		}

	}

}
