package es.msia.bot.catalog.matching;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises text the way the catalogue stores keywords (lower case, no accents, n for n-tilde) and
 * splits it into {@link Token}s that keep their offsets in the original text.
 */
final class TextNormalizer {

	private TextNormalizer() {
	}

	/** Same length as the input, so offsets stay valid. */
	static String fold(String text) {
		StringBuilder folded = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			folded.append(foldChar(text.charAt(i)));
		}
		return folded.toString();
	}

	private static char foldChar(char c) {
		if (c < 128) {
			return Character.toLowerCase(c);
		}
		String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
		return decomposed.toLowerCase(Locale.ROOT).charAt(0);
	}

	static List<Token> tokenize(String text) {
		String folded = fold(text);
		List<Token> tokens = new ArrayList<>();
		boolean sentence = true;
		boolean pause = false;
		int i = 0;
		while (i < folded.length()) {
			char c = folded.charAt(i);
			if (!Character.isLetterOrDigit(c)) {
				sentence |= (c == '.' || c == '!' || c == '?' || c == '\n' || c == ';');
				pause |= (c != ' ' && c != '\'' && c != '"' && c != '-');
				i++;
				continue;
			}
			int end = wordEnd(folded, i);
			String form = SpanishLexicon.canonical(folded.substring(i, end));
			tokens.add(new Token(form, SpanishStems.stem(form), i, end, sentence, pause || sentence));
			sentence = false;
			pause = false;
			i = end;
		}
		return tokens;
	}

	// '&', '+' and '/' stay inside a word when letters surround them: "k&n", "m+s", "a/c".
	private static int wordEnd(String text, int from) {
		int end = from;
		while (end < text.length()) {
			char c = text.charAt(end);
			boolean joiner = (c == '&' || c == '+' || c == '/') && end + 1 < text.length()
					&& Character.isLetterOrDigit(text.charAt(end + 1));
			if (!Character.isLetterOrDigit(c) && !joiner) {
				break;
			}
			end++;
		}
		return end;
	}

}
