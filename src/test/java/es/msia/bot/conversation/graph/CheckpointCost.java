package es.msia.bot.conversation.graph;

import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * Prints the size and the encode/decode time of each sample checkpoint in the old format (Java
 * serialization) and the new one (JSON): a JMH-free micro-benchmark, warm-up then the mean thread CPU time of many rounds,
 * numbers to read, not to assert. Run with the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) es.msia.bot.conversation.graph.CheckpointCost}.
 */
final class CheckpointCost {

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		ImmutableStateSerializer java = new ImmutableStateSerializer();
		CheckpointCodec codec = new CheckpointCodec(ConversationCheckpoints.SCHEMA, java);
		System.out.printf("%-28s %8s %8s %9s %9s %9s %9s%n", "sample", "bytes v1", "bytes v2", "enc v1 µs",
				"enc v2 µs", "dec v1 µs", "dec v2 µs");
		for (Map.Entry<String, Checkpoint> sample : CheckpointSamples.all().entrySet()) {
			Checkpoint checkpoint = sample.getValue();
			byte[] v1 = Format1FixtureWriter.encode(checkpoint, java);
			byte[] v2 = codec.encode(checkpoint);
			double[] v1Cost = cost(rounds, () -> Format1FixtureWriter.encode(checkpoint, java), codec::decode, v1);
			double[] v2Cost = cost(rounds, () -> codec.encode(checkpoint), codec::decode, v2);
			System.out.printf("%-28s %8d %8d %9.1f %9.1f %9.1f %9.1f%n", sample.getKey(), v1.length, v2.length,
					v1Cost[0], v2Cost[0], v1Cost[1], v2Cost[1]);
		}
	}

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	/** CPU time of this thread, not wall time: the machine is shared, and preemption must not count. */
	private static long now() {
		return THREADS.getCurrentThreadCpuTime();
	}

	private static double[] cost(int rounds, java.util.function.Supplier<byte[]> encode,
			Function<byte[], Checkpoint> decode, byte[] bytes) {
		ToIntFunction<Checkpoint> use = checkpoint -> checkpoint.getState().size();
		long sink = 0;
		for (int i = 0; i < rounds; i++) {
			sink += encode.get().length + use.applyAsInt(decode.apply(bytes));
		}
		long start = now();
		for (int i = 0; i < rounds; i++) {
			sink += encode.get().length;
		}
		double encoded = (now() - start) / 1_000.0 / rounds;
		start = now();
		for (int i = 0; i < rounds; i++) {
			sink += use.applyAsInt(decode.apply(bytes));
		}
		double decoded = (now() - start) / 1_000.0 / rounds;
		if (sink == 42) {
			System.out.print("");
		}
		return new double[] { encoded, decoded };
	}

	private CheckpointCost() {
	}

}
