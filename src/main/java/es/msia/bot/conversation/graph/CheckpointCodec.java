package es.msia.bot.conversation.graph;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import org.bsc.langgraph4j.checkpoint.Checkpoint;
import org.bsc.langgraph4j.serializer.Serializer;
import org.bsc.langgraph4j.serializer.StateSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A checkpoint as bytes. FORMAT 2, written now, is one JSON object: the format, the checkpoint and node
 * ids, and the state as the {@link CheckpointSchema} maps it. It survives a change of the state's classes
 * between releases, is about half the size of Java serialization and several times cheaper to write and read
 * (README, "Checkpoint format"), and {@code redis-cli} shows it as text.
 * <p>
 * FORMAT 1, written by earlier releases, is a Java object stream: an int 1, the serializer's content type,
 * the ids, then the state written by the graph's {@link StateSerializer}. It is still read (through that
 * serializer), so a conversation checkpointed before an upgrade resumes after it; its next checkpoint is
 * written as FORMAT 2.
 */
final class CheckpointCodec {

	/** Bumped when the envelope changes; a checkpoint of an unknown (newer) format is refused, not misread. */
	static final int FORMAT = 2;

	private static final int JAVA_SERIALIZATION = 1;

	private final CheckpointSchema schema;

	private final @Nullable StateSerializer<?> legacy;

	/**
	 * @param legacy the serializer that wrote FORMAT-1 checkpoints, or null where none can exist
	 */
	CheckpointCodec(CheckpointSchema schema, @Nullable StateSerializer<?> legacy) {
		this.schema = schema;
		this.legacy = legacy;
	}

	byte[] encode(Checkpoint checkpoint) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
		try (JsonGenerator out = schema.mapper().createGenerator(bytes)) {
			out.writeStartObject();
			out.writeNumberProperty("format", FORMAT);
			out.writeStringProperty("id", checkpoint.getId());
			out.writeStringProperty("node", checkpoint.getNodeId());
			out.writeStringProperty("next", checkpoint.getNextNodeId());
			out.writeName("state");
			schema.write(checkpoint.getState(), out);
			out.writeEndObject();
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Checkpoint " + checkpoint.getId() + " could not be written", ex);
		}
		return bytes.toByteArray();
	}

	Checkpoint decode(byte[] payload) {
		if (isJavaObjectStream(payload)) {
			return decodeFormat1(payload);
		}
		try (JsonParser in = schema.mapper().createParser(payload)) {
			if (in.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalStateException("Checkpoint is neither JSON nor a Java object stream");
			}
			Checkpoint.Builder checkpoint = Checkpoint.builder();
			Map<String, Object> state = Map.of();
			int format = 0;
			while (in.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = in.currentName();
				in.nextToken();
				switch (name) {
					case "format" -> {
						format = in.getIntValue();
						if (format != FORMAT) {
							throw new IllegalStateException("Unknown checkpoint format " + format);
						}
					}
					case "id" -> checkpoint.id(in.getValueAsString());
					case "node" -> checkpoint.nodeId(in.getValueAsString());
					case "next" -> checkpoint.nextNodeId(in.getValueAsString());
					case "state" -> state = schema.read(in);
					default -> in.skipChildren();
				}
			}
			if (format != FORMAT) {
				throw new IllegalStateException("Checkpoint without a format");
			}
			return checkpoint.state(state).build();
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("Checkpoint could not be read", ex);
		}
	}

	/** Java serialization's stream magic, 0xACED. */
	private static boolean isJavaObjectStream(byte[] payload) {
		return payload.length > 1 && (payload[0] & 0xFF) == 0xAC && (payload[1] & 0xFF) == 0xED;
	}

	/** The previous releases' envelope, read as they wrote it. */
	private Checkpoint decodeFormat1(byte[] payload) {
		if (legacy == null) {
			throw new IllegalStateException("Java-serialized checkpoint, and no serializer to read it");
		}
		try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(payload))) {
			int format = in.readInt();
			if (format != JAVA_SERIALIZATION) {
				throw new IllegalStateException("Unknown checkpoint format " + format);
			}
			String contentType = Serializer.readUTF(in);
			if (!contentType.equals(legacy.contentType())) {
				// Another serializer wrote it: refuse rather than misread.
				throw new IllegalStateException("Checkpoint written as " + contentType + ", this graph reads "
						+ legacy.contentType());
			}
			String id = Serializer.readUTF(in);
			String nodeId = Serializer.readUTF(in);
			String nextNodeId = Serializer.readUTF(in);
			Map<String, Object> state = legacy.readData(in);
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
