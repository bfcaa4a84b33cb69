package es.msia.bot.admin;

import java.util.List;
import java.util.Random;

/**
 * Generates malformed webhook bodies from a valid one, reproducibly from the seed: values replaced by
 * the wrong JSON type, huge strings, deep nesting, odd Unicode, truncation and broken syntax.
 */
final class MalformedPayloads {

	private static final List<String> WRONG_VALUES = List.of("null", "true", "-1", "1e999", "[]", "{}", "\"\"",
			"[1,[2,[3]]]", "{\"id\":{}}", "9223372036854775808", "\"\\u0000\"", "\"\\ud800\"", "0.5");

	private static final List<String> ODD_TEXT = List.of("\u202eoibmac\u202c", "\uD83D\uDE97\u200d\uD83D\uDD27",
			"e\u0301\u0301\u0301", "\uFEFF\u0000\u0007", "<script>alert(1)</script>", "' OR 1=1 --", "%s%n%x",
			"\\u0000", "\uD800");

	private static final List<String> KEYS = List.of("\"id\"", "\"content\"", "\"event\"", "\"conversation\"",
			"\"sender\"", "\"message_type\"", "\"created_at\"", "\"phone_number\"", "\"attachments\"", "\"account\"");

	private MalformedPayloads() {
	}

	static String generate(Random random, String valid) {
		switch (random.nextInt(6)) {
			case 0:
				return replaceValue(random, valid, WRONG_VALUES.get(random.nextInt(WRONG_VALUES.size())));
			case 1:
				return replaceValue(random, valid, "\"" + "ñ".repeat(1000 + random.nextInt(60_000)) + "\"");
			case 2:
				int depth = 100 + random.nextInt(5000);
				return replaceValue(random, valid, "[".repeat(depth) + "]".repeat(depth));
			case 3:
				String odd = ODD_TEXT.get(random.nextInt(ODD_TEXT.size()));
				return replaceValue(random, valid, "\"" + odd.replace("\\", "\\\\") + "\"");
			case 4:
				return valid.substring(0, random.nextInt(valid.length()));
			default:
				char[] chars = valid.toCharArray();
				for (int i = 0; i < 1 + random.nextInt(5); i++) {
					chars[random.nextInt(chars.length)] = "{}[]\",:\\".charAt(random.nextInt(8));
				}
				return new String(chars);
		}
	}

	/** Replaces the value after one of the known keys (first occurrence) with {@code value}. */
	private static String replaceValue(Random random, String json, String value) {
		String key = KEYS.get(random.nextInt(KEYS.size())) + ":";
		int at = json.indexOf(key);
		if (at < 0) {
			return json + value;
		}
		int start = at + key.length();
		int end = valueEnd(json, start);
		return json.substring(0, start) + value + json.substring(end);
	}

	private static int valueEnd(String json, int start) {
		int depth = 0;
		boolean inString = false;
		for (int i = start; i < json.length(); i++) {
			char c = json.charAt(i);
			if (inString) {
				if (c == '\\') {
					i++;
				}
				else if (c == '"') {
					inString = false;
					if (depth == 0) {
						return i + 1;
					}
				}
			}
			else if (c == '"') {
				inString = true;
			}
			else if (c == '{' || c == '[') {
				depth++;
			}
			else if (c == '}' || c == ']') {
				if (depth == 0) {
					return i;
				}
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
			else if (c == ',' && depth == 0) {
				return i;
			}
		}
		return json.length();
	}

}
