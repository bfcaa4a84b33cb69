package es.msia.bot.cases;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A number as customers write it, possibly with a unit or a decimal comma ({@code "200 mm"},
 * {@code "2,5"}), checked against plausibility bounds (typos), not legal limits.
 *
 * @param value the number
 */
public record Measure(BigDecimal value) {

	private static final Pattern NUMBER = Pattern.compile("^\\s*(-?[0-9]+(?:[.,][0-9]+)?)\\s*[a-zA-Zº°\"'.]*\\s*$");

	public static Measure of(String raw, @Nullable BigDecimal min, @Nullable BigDecimal max) {
		Matcher matcher = NUMBER.matcher(raw.replaceAll("(?<=[0-9])\\.(?=[0-9]{3}\\b)", ""));
		if (!matcher.matches()) {
			throw new InvalidValue("number.format", raw.trim());
		}
		BigDecimal value = new BigDecimal(matcher.group(1).replace(',', '.'));
		if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
			throw new InvalidValue("number.range", raw.trim());
		}
		return new Measure(value);
	}

	/** The number without trailing zeros, as stored. */
	public String text() {
		return value.stripTrailingZeros().toPlainString();
	}

}
