package es.msia.bot.conversation.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.Serializer;
import org.bsc.langgraph4j.serializer.StateSerializer;

/**
 * A checkpoint as bytes: a format version, the serializer's content type, the checkpoint and node ids,
 * then the state written by the graph's own {@link StateSerializer}, so whatever value types the graph can
 * clone (it clones state through the same serializer after every node) are also what it can persist.
 */
final class CheckpointCodec {

	/** Bumped when the envelope changes; old checkpoints are then rejected, not misread. */
	private static final int FORMAT = 1;

	private final StateSerializer<?> serializer;

	CheckpointCodec(StateSerializer<?> serializer) {
		this.serializer = serializer;
	}

	byte[] encode(Checkpoint checkpoint) {
		try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeInt(FORMAT);
			Serializer.writeUTF(serializer.contentType(), out);
			// Serializer.writeUTF, unlike ObjectOutput.writeUTF, is not limited to 64 KB.
			Serializer.writeUTF(checkpoint.getId(), out);
			Serializer.writeUTF(checkpoint.getNodeId(), out);
			Serializer.writeUTF(checkpoint.getNextNodeId(), out);
			serializer.writeData(checkpoint.getState(), out);
			out.flush();
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Checkpoint " + checkpoint.getId() + " could not be serialized", ex);
		}
	}

	Checkpoint decode(byte[] payload) {
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
			int format = in.readInt();
			if (format != FORMAT) {
				throw new IllegalStateException("Unknown checkpoint format " + format);
			}
			String contentType = Serializer.readUTF(in);
			if (!contentType.equals(serializer.contentType())) {
				// Another serializer wrote it (the graph switched, say, to JSON): refuse rather than misread.
				throw new IllegalStateException("Checkpoint written as " + contentType + ", this graph reads "
						+ serializer.contentType());
			}
			String id = Serializer.readUTF(in);
			String nodeId = Serializer.readUTF(in);
			String nextNodeId = Serializer.readUTF(in);
			Map<String, Object> state = serializer.readData(in);
			return Checkpoint.builder().id(id).nodeId(nodeId).nextNodeId(nextNodeId).state(state).build();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Checkpoint could not be read", ex);
		}
		catch (ClassNotFoundException ex) {
			throw new IllegalStateException("Checkpoint holds a class this version does not have", ex);
		}
	}

}
