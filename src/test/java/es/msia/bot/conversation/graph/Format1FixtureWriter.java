package es.msia.bot.conversation.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.Serializer;
import org.bsc.langgraph4j.serializer.StateSerializer;

/**
 * Wrote the FORMAT-1 fixtures in {@code src/test/resources/checkpoints/}: they were written by the
 * release that still used Java serialization (commit a2a154f, whose CheckpointCodec.encode is copied in
 * {@link #encode} below, byte for byte the same envelope), so the tests read genuine old checkpoints.
 */
final class Format1FixtureWriter {

	public static void main(String[] args) throws Exception {
		Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/checkpoints");
		Files.createDirectories(dir);
		for (Map.Entry<String, Checkpoint> sample : CheckpointSamples.all().entrySet()) {
			byte[] bytes = encode(sample.getValue(), new ImmutableStateSerializer());
			Files.write(dir.resolve("format1-" + sample.getKey() + ".bin"), bytes);
			System.out.println(sample.getKey() + ": " + bytes.length + " bytes");
		}
	}

	/** The FORMAT-1 envelope as the previous release wrote it. */
	static byte[] encode(Checkpoint checkpoint, StateSerializer<?> serializer) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeInt(1);
			Serializer.writeUTF(serializer.contentType(), out);
			Serializer.writeUTF(checkpoint.getId(), out);
			Serializer.writeUTF(checkpoint.getNodeId(), out);
			Serializer.writeUTF(checkpoint.getNextNodeId(), out);
			serializer.writeData(checkpoint.getState(), out);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private Format1FixtureWriter() {
	}

}
