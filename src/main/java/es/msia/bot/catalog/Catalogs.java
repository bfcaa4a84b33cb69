package es.msia.bot.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import es.msia.bot.catalog.seed.CatalogJsonReader;

/**
 * Loads and validates catalogue files. The integrator seeds the database from the returned records.
 */
public final class Catalogs {

	/** Classpath location of the current catalogue. */
	public static final String CURRENT_RESOURCE = "/catalog/catalog-2026.json";

	private Catalogs() {
	}

	/** Loads the bundled 2026 catalogue; throws {@link CatalogIntegrityViolated} if it is inconsistent. */
	public static CatalogDefinition current() {
		try (InputStream in = Catalogs.class.getResourceAsStream(CURRENT_RESOURCE)) {
			if (in == null) {
				throw new CatalogIntegrityViolated(List.of("Missing classpath resource " + CURRENT_RESOURCE));
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Reads and validates a catalogue in the JSON format of CATALOG.md. */
	public static CatalogDefinition read(InputStream json) {
		return new CatalogJsonReader().read(json);
	}

}
