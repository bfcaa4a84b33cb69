package es.msia.bot.catalog.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import es.msia.bot.catalog.CatalogDefinition;
import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.MatchResult;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuoteEngine;

/**
 * Latency and allocation of matching plus quoting one typical message. Not a test (surefire ignores
 * it): run with {@code java -cp target/classes:target/test-classes:$(cat target/cp.txt)
 * es.msia.bot.catalog.bench.MatchAndQuoteBenchmark}.
 */
public final class MatchAndQuoteBenchmark {

	private static final String MESSAGE = "Hola buenas! Le he puesto a la moto un escape akrapovic, los retrovisores "
			+ "bar end, intermitentes delanteros y traseros led y la suspension trasera, pero el manillar no";

	private static final int WARMUP = 50_000;

	private static final int RUNS = 200_000;

	private MatchAndQuoteBenchmark() {
	}

	public static void main(String[] args) {
		CatalogDefinition catalog = Catalogs.current();
		ElementMatcher matcher = new ElementMatcher(catalog);
		QuoteEngine engine = new QuoteEngine(catalog);
		long sink = 0;
		for (int i = 0; i < WARMUP; i++) {
			sink += once(matcher, engine).items().size();
		}
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long threadId = Thread.currentThread().getId();
		long[] nanos = new long[RUNS];
		long allocatedBefore = threads.getThreadAllocatedBytes(threadId);
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			sink += once(matcher, engine).items().size();
			nanos[i] = System.nanoTime() - start;
		}
		long allocated = threads.getThreadAllocatedBytes(threadId) - allocatedBefore;
		Arrays.sort(nanos);
		double mean = Arrays.stream(nanos).average().orElse(0);
		Quote sample = once(matcher, engine);
		System.out.printf("message: %s%nquote: %s %s %s EUR + IVA (items %s)%n", MESSAGE, sample.tierCode(),
				sample.tierNameEs(), sample.subtotal(), sample.items().stream().map((i) -> i.code()).toList());
		System.out.printf("runs %d: mean %.1f us, p50 %.1f us, p99 %.1f us, max %.1f us, allocated %d bytes/op (sink %d)%n",
				RUNS, mean / 1000, nanos[RUNS / 2] / 1000.0, nanos[(int) (RUNS * 0.99)] / 1000.0,
				nanos[RUNS - 1] / 1000.0, allocated / RUNS, sink);
	}

	private static Quote once(ElementMatcher matcher, QuoteEngine engine) {
		MatchResult match = matcher.match("motos-part", MESSAGE);
		return engine.quote("motos-part", match.itemCodes());
	}

}
