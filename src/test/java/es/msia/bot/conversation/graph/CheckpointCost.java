package es.msia.bot.conversation.graph;

import java.util.Map;

import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * Prints the size and the encode/decode time of each sample checkpoint (a JMH-free micro-benchmark:
 * warm-up, then the mean of many rounds; numbers to read, not to assert). Run with the test class path:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) es.msia.bot.conversation.graph.CheckpointCost}.
 */
final class CheckpointCost {

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
		CheckpointCodec codec = new CheckpointCodec(new ImmutableStateSerializer());
		System.out.printf("%-28s %8s %12s %12s%n", "sample", "bytes", "encode µs", "decode µs");
		for (Map.Entry<String, Checkpoint> sample : CheckpointSamples.all().entrySet()) {
			Checkpoint checkpoint = sample.getValue();
			byte[] bytes = codec.encode(checkpoint);
			long sink = 0;
			for (int i = 0; i < rounds; i++) {
				sink += codec.encode(checkpoint).length + codec.decode(bytes).getId().length();
			}
			long start = System.nanoTime();
			for (int i = 0; i < rounds; i++) {
				sink += codec.encode(checkpoint).length;
			}
			double encode = (System.nanoTime() - start) / 1_000.0 / rounds;
			start = System.nanoTime();
			for (int i = 0; i < rounds; i++) {
				sink += codec.decode(bytes).getId().length();
			}
			double decode = (System.nanoTime() - start) / 1_000.0 / rounds;
			System.out.printf("%-28s %8d %12.1f %12.1f%s%n", sample.getKey(), bytes.length, encode, decode,
					sink == 42 ? " " : "");
		}
	}

	private CheckpointCost() {
	}

}
