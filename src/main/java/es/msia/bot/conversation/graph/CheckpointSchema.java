package es.msia.bot.conversation.graph;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.NamedType;

/**
 * How the state of a graph is written in a FORMAT-2 checkpoint: every key of the state with its declared
 * type, every record by its component names, every subtype of a sealed interface by a tag fixed here
 * rather than its class name. What a release change may do without breaking older checkpoints follows from
 * that: a record may gain a component (missing in old JSON: null, 0, false, or an empty list or map), lose
 * one (ignored when read), and a state key may come or go (unknown keys are skipped). Renaming a component,
 * a tag or a key is a format change.
 */
public final class CheckpointSchema {

	private final JsonMapper mapper;

	private final Map<String, ObjectWriter> writers;

	private final Map<String, ObjectReader> readers;

	private CheckpointSchema(JsonMapper mapper, Map<String, JavaType> keys) {
		this.mapper = mapper;
		Map<String, ObjectWriter> writers = new HashMap<>();
		Map<String, ObjectReader> readers = new HashMap<>();
		keys.forEach((key, type) -> {
			writers.put(key, mapper.writerFor(type));
			readers.put(key, mapper.readerFor(type));
		});
		this.writers = Map.copyOf(writers);
		this.readers = Map.copyOf(readers);
	}

	public static Builder builder() {
		return new Builder();
	}

	JsonMapper mapper() {
		return mapper;
	}

	/** Writes the state as one JSON object, key by key with its declared type. */
	void write(Map<String, Object> state, JsonGenerator out) {
		out.writeStartObject();
		for (Map.Entry<String, Object> entry : state.entrySet()) {
			ObjectWriter writer = writers.get(entry.getKey());
			if (writer == null) {
				// Refuse rather than lose it: a key the schema does not declare would not survive a resume.
				throw new IllegalStateException("State key '" + entry.getKey() + "' has no checkpoint type");
			}
			out.writeName(entry.getKey());
			writer.writeValue(out, entry.getValue());
		}
		out.writeEndObject();
	}

	/** Reads the object {@link #write} wrote; the parser stands on its start. Unknown keys are skipped. */
	Map<String, Object> read(JsonParser in) {
		if (in.currentToken() != JsonToken.START_OBJECT) {
			throw new IllegalStateException("Checkpoint state is not a JSON object");
		}
		Map<String, Object> state = new LinkedHashMap<>();
		while (in.nextToken() == JsonToken.PROPERTY_NAME) {
			String key = in.currentName();
			in.nextToken();
			ObjectReader reader = readers.get(key);
			if (reader == null || in.currentToken() == JsonToken.VALUE_NULL) {
				in.skipChildren();
				continue;
			}
			state.put(key, reader.readValue(in));
		}
		return state;
	}

	public static final class Builder {

		private final JsonMapper.Builder mapper = JsonMapper.builder()
			// Records by their components (fields and canonical constructor), never by getter-like methods
			// such as isVariant(): the format is the data, not the API.
			.changeDefaultVisibility(visibility -> visibility.withVisibility(PropertyAccessor.ALL, Visibility.NONE)
				.withVisibility(PropertyAccessor.FIELD, Visibility.ANY)
				.withVisibility(PropertyAccessor.CREATOR, Visibility.ANY))
			.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			// Each key's value is read off the checkpoint's one parser: the next key is not "trailing".
			.disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			// A list or map component a checkpoint does not have (written before it existed) reads as empty.
			.withConfigOverride(List.class, o -> o.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)))
			.withConfigOverride(Map.class, o -> o.setNullHandling(JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY)));

		private final Map<String, Class<?>> values = new LinkedHashMap<>();

		private final Map<String, Class<?>> lists = new LinkedHashMap<>();

		private Builder() {
		}

		/** A key holding one value of this type. */
		public Builder key(String key, Class<?> type) {
			values.put(key, type);
			return this;
		}

		/** A key holding a list of this element type. */
		public Builder listKey(String key, Class<?> elementType) {
			lists.put(key, elementType);
			return this;
		}

		/**
		 * A sealed interface whose subtypes are written with a {@code "type"} tag. Every permitted subtype
		 * must be named, so a new one cannot be added without its tag.
		 */
		public Builder tagged(Class<?> sealedType, Map<Class<?>, String> tags) {
			for (Class<?> permitted : sealedType.getPermittedSubclasses()) {
				if (!tags.containsKey(permitted)) {
					throw new IllegalStateException(permitted.getName() + " has no checkpoint tag");
				}
			}
			mapper.addMixIn(sealedType, TypeTag.class);
			tags.forEach((type, tag) -> mapper.registerSubtypes(new NamedType(type, tag)));
			return this;
		}

		/**
		 * A type whose one instance may appear several times in a state value (the decision's quote is in
		 * its reply and in its effect): written in full once, with an {@code "@id"}, then by that id.
		 */
		public Builder shared(Class<?> type) {
			mapper.addMixIn(type, SharedValue.class);
			return this;
		}

		public CheckpointSchema build() {
			JsonMapper built = mapper.build();
			Map<String, JavaType> keys = new LinkedHashMap<>();
			values.forEach((key, type) -> keys.put(key, built.constructType(type)));
			lists.forEach((key, element) -> keys.put(key,
					built.getTypeFactory().constructCollectionType(List.class, element)));
			return new CheckpointSchema(built, keys);
		}

	}

	@com.fasterxml.jackson.annotation.JsonIdentityInfo(
			generator = com.fasterxml.jackson.annotation.ObjectIdGenerators.IntSequenceGenerator.class)
	private interface SharedValue {

	}

	@com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.NAME,
			property = "type")
	private interface TypeTag {

	}

}
