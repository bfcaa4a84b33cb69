package es.msia.bot.conversation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import es.msia.bot.conversation.llm.LlmCalls;
import es.msia.bot.conversation.LlmChoice;
import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.shared.StoredSetting;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The LLM model, its OpenRouter backups and the monthly budget as admins set them in Ajustes, over the
 * environment's defaults ({@code LLM_MODEL}, {@code LLM_FALLBACK_MODELS}, {@code LLM_MONTHLY_BUDGET_EUR}).
 * Stored in {@code settings} (key {@code llm}, with who saved it and when) and read at every turn, so every
 * agent process picks a change up at its next turn without a restart.
 */
@Service
public class LlmOptions {

	private static final Logger log = LoggerFactory.getLogger(LlmOptions.class);

	private static final String KEY = "llm";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Who last saved the LLM settings in the panel, and when. */
	public record Change(String by, Instant at) {
	}

	/**
	 * This month's spend against the budget, in euros.
	 *
	 * @param enabled whether an OpenRouter key is configured at all
	 * @param exceeded spend reached the budget: the offline engine answers every turn
	 */
	public record Budget(boolean enabled, BigDecimal spentEur, BigDecimal budgetEur, boolean exceeded) {

		/** Share of the budget spent, 0–100 (100 when the budget is 0). */
		public int percent() {
			if (budgetEur.signum() <= 0) {
				return 100;
			}
			return spentEur.multiply(BigDecimal.valueOf(100)).divide(budgetEur, 0, RoundingMode.HALF_UP).min(BigDecimal.valueOf(100))
				.intValue();
		}

	}

	private final JdbcClient jdbc;

	private final LlmSettings settings;

	private final LlmCalls calls;

	LlmOptions(JdbcClient jdbc, LlmSettings settings, LlmCalls calls) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.calls = calls;
	}

	/** Whether an OpenRouter key is configured (set in the environment, not in the panel). */
	public boolean enabled() {
		return settings.enabled();
	}

	/** The environment's choice, shown beside the override. */
	public LlmChoice defaults() {
		return settings.defaults();
	}

	/** The effective choice: the panel's override where set, else the environment's. */
	public LlmChoice current() {
		LlmChoice defaults = settings.defaults();
		Optional<JsonNode> saved = stored();
		if (saved.isEmpty()) {
			return defaults;
		}
		JsonNode node = saved.get();
		String model = node.path("model").asString("").strip();
		List<String> fallbacks = node.has("fallbackModels")
				? node.path("fallbackModels").valueStream().map(JsonNode::asString).toList() : defaults.fallbackModels();
		BigDecimal budget = node.path("monthlyBudgetEur").isMissingNode() ? defaults.monthlyBudgetEur()
				: new BigDecimal(node.path("monthlyBudgetEur").asString());
		return new LlmChoice(model.isEmpty() ? defaults.model() : model, fallbacks, budget);
	}

	/** Saves the admins' choice; every agent process uses it from its next turn. */
	public void update(LlmChoice choice, String actor) {
		if (choice.model().isBlank()) {
			throw new IllegalArgumentException("model is required");
		}
		if (choice.monthlyBudgetEur().signum() < 0) {
			throw new IllegalArgumentException("budget must not be negative");
		}
		ObjectNode value = JSON.createObjectNode();
		value.put("model", choice.model().strip());
		choice.fallbackModels().forEach(value.putArray("fallbackModels")::add);
		if (!value.has("fallbackModels")) {
			value.putArray("fallbackModels");
		}
		value.put("monthlyBudgetEur", choice.monthlyBudgetEur().toPlainString());
		LlmChoice before = current();
		StoredSetting.of(jdbc, KEY).write(value.toString(), actor);
		log.info("LLM settings changed by {}: {} -> {}", actor, before, choice);
	}

	/** Back to the environment's defaults. */
	public void reset(String actor) {
		StoredSetting.of(jdbc, KEY).clear();
		log.info("LLM settings reset to the environment's defaults by {}", actor);
	}

	public Optional<Change> lastChange() {
		return jdbc.sql("SELECT updated_by, updated_at FROM settings WHERE key = :key")
			.param("key", KEY)
			.query((rs, n) -> new Change(rs.getString("updated_by") == null ? "?" : rs.getString("updated_by"),
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	/** This month's spend against the effective budget. */
	public Budget budget() {
		BigDecimal spent = settings.toEur(calls.spentThisMonth());
		BigDecimal budget = current().monthlyBudgetEur();
		// The same comparison as the LLM understanding's, on the unrounded amount.
		return new Budget(settings.enabled(), spent.setScale(2, RoundingMode.HALF_UP), budget, spent.compareTo(budget) >= 0);
	}

	private Optional<JsonNode> stored() {
		return StoredSetting.of(jdbc, KEY).read()
			.map(LlmOptions::read)
			.filter(node -> node != null && node.isObject());
	}

	/** A stored value that does not parse counts as no override: the environment's defaults apply. */
	private static @Nullable JsonNode read(String text) {
		try {
			return JSON.readTree(text);
		}
		catch (RuntimeException ex) {
			log.warn("Ignoring unreadable LLM settings: {}", ex.getMessage());
			return null;
		}
	}

}
