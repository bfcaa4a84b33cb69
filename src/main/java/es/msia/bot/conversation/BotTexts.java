package es.msia.bot.conversation;

import java.util.Locale;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The canned WhatsApp texts ({@code messages/bot.properties}, Spanish from Spain).
 */
@Component
class BotTexts {

	private static final Locale SPANISH = Locale.forLanguageTag("es-ES");

	private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

	BotTexts() {
		source.setBasename("messages/bot");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
	}

	String get(String key, Object... args) {
		return source.getMessage(key, args, SPANISH);
	}

}
