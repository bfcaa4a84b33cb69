package es.msia.bot.conversation.graph;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * Wrote the FORMAT-1 (Java serialization) fixtures in {@code src/test/resources/checkpoints/}, run once
 * with the release that still wrote that format (commit before the JSON checkpoints). Kept to show how
 * the bytes came about; running it now would write FORMAT 2.
 */
final class Format1FixtureWriter {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/checkpoints");
		Files.createDirectories(dir);
		CheckpointCodec codec = new CheckpointCodec(new ImmutableStateSerializer());
		for (Map.Entry<String, Checkpoint> sample : CheckpointSamples.all().entrySet()) {
			byte[] bytes = codec.encode(sample.getValue());
			Files.write(dir.resolve("format1-" + sample.getKey() + ".bin"), bytes);
			System.out.println(sample.getKey() + ": " + bytes.length + " bytes");
		}
	}

	private Format1FixtureWriter() {
	}

}
