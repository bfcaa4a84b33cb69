package es.msia.bot.catalog.matching;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.tartarus.snowball.ext.SpanishStemmer;

/**
 * Reduces a Spanish word to the stem keywords and messages are compared by, with Lucene's Spanish
 * analysis: lower case, accents folded, plural made singular (SpanishMinimalStemFilter, which knows
 * "luces" is "luz" and "motores" is "motor"), then the Snowball Spanish stemmer, which removes gender
 * and verb endings. So "retrovisores" meets "retrovisor", "delantera" meets "delanteros" and "he
 * cambiado el motor" meets the keyword "cambio de motor" without any hand-written inflection list.
 * The stem is a comparison key, not a word to show; grammar words are compared by spelling (see
 * {@code MentionFinder}) because Snowball gives "solo" the root of "solar". Thread-safe: the analyzer keeps one token
 * stream per thread.
 */
final class SpanishStems {

	private static final Analyzer STEMMER = new Analyzer() {
		@Override
		protected TokenStreamComponents createComponents(String fieldName) {
			Tokenizer word = new KeywordTokenizer();
			TokenStream stream = new LowerCaseFilter(word);
			stream = new ASCIIFoldingFilter(stream);
			stream = new SpanishMinimalStemFilter(stream);
			stream = new SnowballFilter(stream, new SpanishStemmer());
			return new TokenStreamComponents(word, stream);
		}
	};

	private static final int KNOWN_LIMIT = 20_000;

	/** Stems already computed: the matcher asks for the same words many times per message. */
	private static final Map<String, String> KNOWN = new ConcurrentHashMap<>();

	private static final CharArraySet STOP_WORDS = SpanishAnalyzer.getDefaultStopSet();

	private SpanishStems() {
	}

	/** The comparison stem of one word (digits and joined words such as "k&n" come back as they are). */
	static String stem(String word) {
		if (word.isEmpty() || !Character.isLetter(word.charAt(word.length() - 1))) {
			return word;
		}
		String known = KNOWN.get(word);
		if (known != null) {
			return known;
		}
		String stem = analyse(word);
		// Customers' vocabulary has no end, so the memory keeps only the first words it meets (the
		// catalogue's and the commonest ones), and stops growing.
		if (KNOWN.size() < KNOWN_LIMIT) {
			KNOWN.put(word, stem);
		}
		return stem;
	}

	private static String analyse(String word) {
		try (TokenStream stream = STEMMER.tokenStream("word", word)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			String stem = stream.incrementToken() ? term.toString() : word;
			stream.end();
			return stem.isEmpty() ? word : stem;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Set<String> stems(String... words) {
		return Stream.of(words).map(SpanishStems::stem).collect(Collectors.toUnmodifiableSet());
	}

	/**
	 * Lucene's Spanish stop list (articles, pronouns, forms of ser, estar, haber and tener...), with
	 * accents as Lucene writes them.
	 */
	static Set<String> stopWords() {
		return STOP_WORDS.stream().map((word) -> new String((char[]) word)).collect(Collectors.toUnmodifiableSet());
	}

}
