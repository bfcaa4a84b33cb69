package es.msia.bot.conversation.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import es.msia.bot.cases.OpenFields;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.UnderstandingContext;

/**
 * The commands the model may emit, as tools, limited to the ones that make sense in the phase (no
 * variant answer when no variant question is open, case fields only while a case asks for fields, limited
 * to the keys asked). Descriptions live in
 * {@code prompts/conversation/tools.properties}.
 */
class UnderstandingTools {

	/**
	 * The {@code ask_question} topic of a customer asking about their own case («¿cómo va mi expediente?»):
	 * the model only classifies it; the answer is built from the case by Java code.
	 */
	static final String OWN_CASE = "mi_expediente";

	static final List<String> VEHICLES = List.of("moto", "autocaravana", "coche", "furgoneta", "otro");

	private final Properties texts = new Properties();

	UnderstandingTools() {
		try (InputStream in = getClass().getResourceAsStream("/prompts/conversation/tools.properties")) {
			texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<ToolSpecification> forContext(UnderstandingContext context, List<String> faqKeys) {
		return forContext(context, faqKeys, false);
	}

	/** @param withAnswer whether facts were given, so {@code ask_question} may carry a written answer */
	List<ToolSpecification> forContext(UnderstandingContext context, List<String> faqKeys, boolean withAnswer) {
		List<ToolSpecification> tools = new ArrayList<>();
		for (String plain : List.of("greet", "affirm", "deny", "request_human", "request_examples", "cancel", "thank",
				"off_topic")) {
			tools.add(tool(plain, new JsonObjectSchema.Builder().build()));
		}
		tools.add(tool("mention_elements", mentions("mention_elements")));
		if (!context.selectedItems().isEmpty() || context.phase() == Phase.QUOTED
				|| context.phase() == Phase.AWAITING_VARIANTS) {
			tools.add(tool("remove_elements", mentions("remove_elements")));
		}
		if (!context.pendingUmbrellas().isEmpty()) {
			tools.add(tool("answer_variant", new JsonObjectSchema.Builder()
				.addStringProperty("answer", text("answer_variant.answer")).required("answer").build()));
		}
		tools.add(tool("mention_vehicle", new JsonObjectSchema.Builder()
			.addEnumProperty("vehicle", VEHICLES, text("mention_vehicle.vehicle")).required("vehicle").build()));
		List<String> topics = new ArrayList<>(faqKeys);
		// Their own case is a topic, not a tool: a tool of its own costs the prompt a window line.
		topics.add(OWN_CASE);
		topics.add("otro");
		JsonObjectSchema.Builder question = new JsonObjectSchema.Builder()
			.addStringProperty("question", text("ask_question.question"))
			.addEnumProperty("topic", topics, text("ask_question.topic"));
		if (withAnswer) {
			// Optional: the model answers only when the facts in the prompt do.
			question.addStringProperty("answer", text("ask_question.answer"));
		}
		tools.add(tool("ask_question", question.required("question", "topic").build()));
		if (context.phase() == Phase.COLLECTING_CASE && context.caseFields() != null
				&& !context.caseFields().fields().isEmpty()) {
			tools.add(tool("fill_case_fields", caseFields(context.caseFields())));
		}
		return tools;
	}

	/** The fixed texts the model is shown in tool descriptions, which a reply must never echo. */
	List<String> descriptions() {
		return texts.values().stream().map(String::valueOf).toList();
	}

	/** One entry per value given; the enum keeps the model to the keys asked (the mapper checks them again). */
	private JsonObjectSchema caseFields(OpenFields open) {
		JsonObjectSchema entry = new JsonObjectSchema.Builder()
			.addEnumProperty("field", open.fields().stream().map(FieldSpec::key).toList(), text("fill_case_fields.field"))
			.addStringProperty("value", text("fill_case_fields.value"))
			.required("field", "value")
			.build();
		return new JsonObjectSchema.Builder()
			.addProperty("values", new JsonArraySchema.Builder().description(text("fill_case_fields.values"))
				.items(entry).build())
			.required("values")
			.build();
	}

	private JsonObjectSchema mentions(String tool) {
		return new JsonObjectSchema.Builder()
			.addProperty("mentions", new JsonArraySchema.Builder().description(text(tool + ".mentions"))
				.items(new JsonStringSchema()).build())
			.required("mentions")
			.build();
	}

	private ToolSpecification tool(String name, JsonObjectSchema parameters) {
		return ToolSpecification.builder().name(name).description(text(name + ".description")).parameters(parameters).build();
	}

	private String text(String key) {
		return texts.getProperty(key, key);
	}

}
