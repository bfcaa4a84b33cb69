package es.msia.bot.cases.dossier;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/** The form's Spanish texts, from {@code messages/dossier.properties}. */
final class DossierTexts {

	private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

	private final Properties texts = new Properties();

	DossierTexts() {
		try (InputStream in = DossierTexts.class.getResourceAsStream("/messages/dossier.properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String text(String key, Object... args) {
		String pattern = texts.getProperty(key);
		if (pattern == null) {
			throw new IllegalArgumentException("No text " + key);
		}
		return args.length == 0 ? pattern : new MessageFormat(pattern, SPANISH).format(args);
	}

}
