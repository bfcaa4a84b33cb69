package es.msia.bot.catalog;

import java.util.List;

/**
 * Thrown when the catalogue file is unreadable or inconsistent; lists every problem found so the data
 * can be fixed in one pass.
 */
public class CatalogIntegrityViolated extends RuntimeException {

	private final List<String> problems;

	public CatalogIntegrityViolated(List<String> problems) {
		super("Catalogue is inconsistent (" + problems.size() + " problems):\n - " + String.join("\n - ", problems));
		this.problems = List.copyOf(problems);
	}

	/** Every problem found, one per line. */
	public List<String> problems() {
		return this.problems;
	}

}
