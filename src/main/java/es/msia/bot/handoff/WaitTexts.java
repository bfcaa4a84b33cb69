package es.msia.bot.handoff;

import java.util.Optional;

import es.msia.bot.shared.StoredSetting;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the customer reads when the agent hands them to a person: the panel's wording (row
 * {@code handoff_wait_texts} of {@code settings}) over {@code messages/handoff.properties}. Read at every
 * handoff, so a change applies to the next one.
 */
@Service
public class WaitTexts {

	static final String KEY = "handoff_wait_texts";

	/**
	 * The three wait messages.
	 *
	 * @param open within business hours
	 * @param closed outside them: {@code {0}} is the day ("mañana", "el lunes"), {@code {1}} the opening hour
	 * @param unknown when no opening is known (closed for more than a year)
	 */
	public record Texts(String open, String closed, String unknown) {
	}

	/** A text is missing, too long, or the closed one lacks its placeholders. */
	public static final class InvalidTexts extends RuntimeException {

		InvalidTexts() {
			super("Invalid handoff texts");
		}

	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final HandoffTexts bundle;

	WaitTexts(JdbcClient jdbc, JsonMapper json, HandoffTexts bundle) {
		this.jdbc = jdbc;
		this.json = json;
		this.bundle = bundle;
	}

	public Texts current() {
		return override().orElseGet(this::defaults);
	}

	public Texts defaults() {
		return bundle.bundledWaitTexts();
	}

	public Optional<Texts> override() {
		return StoredSetting.of(jdbc, KEY).read()
			.map(v -> json.readValue(v, Texts.class));
	}

	public void save(Texts texts, String actor) {
		Texts clean = new Texts(texts.open().strip(), texts.closed().strip(), texts.unknown().strip());
		if (!fits(clean.open()) || !fits(clean.closed()) || !fits(clean.unknown()) || !clean.closed().contains("{0}")
				|| !clean.closed().contains("{1}")) {
			throw new InvalidTexts();
		}
		StoredSetting.of(jdbc, KEY).write(json.writeValueAsString(clean), actor);
	}

	/** Back to the texts of {@code messages/handoff.properties}. */
	public void reset() {
		StoredSetting.of(jdbc, KEY).clear();
	}

	private static boolean fits(String text) {
		return text.length() >= 10 && text.length() <= 1000;
	}

}
