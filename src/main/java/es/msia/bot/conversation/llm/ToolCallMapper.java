package es.msia.bot.conversation.llm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import es.msia.bot.cases.CaseStatusQuestion;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.command.AgentCommand.AnswerVariant;
import es.msia.bot.conversation.command.AgentCommand.MentionElements;
import es.msia.bot.conversation.command.AgentCommand.RemoveElements;
import es.msia.bot.conversation.llm.LlmCallFailed.Reason;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the model's tool calls into commands. Element mentions are text: the catalogue matcher (through
 * the offline understanding) resolves them to codes, so a code the model invents never enters the
 * policy; case field values are kept only for the fields the case asks now. A tool not offered in this
 * turn, or arguments that do not parse, make the whole output unusable.
 */
class ToolCallMapper {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Understanding catalogueMatcher;

	private final Function<String, Optional<String>> faqAnswerByKey;

	private final Function<String, Optional<String>> vetted;

	ToolCallMapper(Understanding catalogueMatcher, Function<String, Optional<String>> faqAnswerByKey) {
		this(catalogueMatcher, faqAnswerByKey, written -> Optional.empty());
	}

	/**
	 * @param vetted the model's written answer if the guard lets it through, else empty (then the stored
	 *     answer of the topic it named, or the offline matching, answers)
	 */
	ToolCallMapper(Understanding catalogueMatcher, Function<String, Optional<String>> faqAnswerByKey,
			Function<String, Optional<String>> vetted) {
		this.catalogueMatcher = catalogueMatcher;
		this.faqAnswerByKey = faqAnswerByKey;
		this.vetted = vetted;
	}

	List<AgentCommand> map(List<ToolExecutionRequest> calls, Set<String> offered, UnderstandingContext context,
			String text) {
		if (calls.isEmpty()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "no tool call");
		}
		List<AgentCommand> commands = new ArrayList<>();
		for (ToolExecutionRequest call : calls) {
			if (!offered.contains(call.name())) {
				throw new LlmCallFailed(Reason.UNUSABLE, "tool not offered: " + call.name());
			}
			commands.addAll(command(call.name(), arguments(call), context, text));
		}
		return commands;
	}

	private List<AgentCommand> command(String name, JsonNode args, UnderstandingContext context, String text) {
		switch (name) {
			case "greet": return List.of(new AgentCommand.Greet());
			case "affirm": return List.of(new AgentCommand.Affirm());
			case "deny": return List.of(new AgentCommand.Deny());
			case "request_human": return List.of(new AgentCommand.RequestHuman());
			case "request_examples": return List.of(new AgentCommand.RequestExamples());
			case "cancel": return List.of(new AgentCommand.Cancel());
			case "thank": return List.of(new AgentCommand.Thank());
			case "off_topic": return List.of(new AgentCommand.Unknown(text));
			case "mention_elements": return mentioned(context, strings(args, "mentions"));
			case "remove_elements": return resolve(context, "quita " + String.join(", ", strings(args, "mentions")),
					RemoveElements.class::isInstance);
			case "answer_variant": return resolve(context, string(args, "answer"),
					c -> c instanceof AnswerVariant || c instanceof MentionElements);
			case "mention_vehicle": return List.of(new AgentCommand.MentionVehicle(VehicleType.fromCode(string(args, "vehicle"))));
			case "ask_question": return ownCase(args, text) ? List.of(new AgentCommand.AskAboutCase(text))
					: List.of(new AgentCommand.AskQuestion(text, answer(args)));
			case "fill_case_fields": return caseFields(context, args);
			default: throw new LlmCallFailed(Reason.UNUSABLE, "unknown tool: " + name);
		}
	}

	/**
	 * The values for the fields the case asks now; a key not asked, or an entry that is not a field and a
	 * plain value, is dropped (the rest of the turn still counts), and nothing is left when none remain.
	 */
	private static List<AgentCommand> caseFields(UnderstandingContext context, JsonNode args) {
		JsonNode entries = args.get("values");
		if (entries == null || !entries.isArray()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "missing values");
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (JsonNode entry : entries) {
			JsonNode field = entry.get("field");
			JsonNode value = entry.get("value");
			if (field == null || !field.isString() || value == null || !value.isValueNode() || value.isNull()
					|| context.caseFields() == null || !context.caseFields().asks(field.asString())) {
				continue;
			}
			// Models send a year as a number or a yes as true despite the schema; the case flow reads Spanish.
			String raw = value.isBoolean() ? (value.asBoolean() ? "sí" : "no") : value.asString().strip();
			if (!raw.isEmpty()) {
				values.putIfAbsent(field.asString(), raw);
			}
		}
		return values.isEmpty() ? List.of() : List.of(new AgentCommand.ProvideCaseFields(values));
	}

	/**
	 * A question about the customer's own case: the model's topic says so, or the model took it for another
	 * question and the deterministic recogniser knows it. Only the intent is kept: the answer is built from
	 * the case by the case module, and any text the model wrote for it is dropped.
	 */
	private static boolean ownCase(JsonNode args, String text) {
		return UnderstandingTools.OWN_CASE.equals(string(args, "topic")) || CaseStatusQuestion.asks(text);
	}

	private @org.jspecify.annotations.Nullable String answer(JsonNode args) {
		String topic = string(args, "topic");
		JsonNode written = args.get("answer");
		Optional<String> accepted = written != null && written.isString() && !written.asString().isBlank()
				? vetted.apply(written.asString()) : Optional.empty();
		return accepted.or(() -> faqAnswerByKey.apply(topic)).orElse(null);
	}

	private List<AgentCommand> mentioned(UnderstandingContext context, List<String> mentions) {
		List<AgentCommand> resolved = resolve(context, String.join(", ", mentions),
				c -> c instanceof MentionElements || c instanceof AnswerVariant || c instanceof RemoveElements);
		return resolved.isEmpty() ? List.of(new MentionElements(List.of(), List.of(), mentions)) : resolved;
	}

	private List<AgentCommand> resolve(UnderstandingContext context, String mentionText, Predicate<AgentCommand> keep) {
		return catalogueMatcher.understand(context, mentionText).stream().filter(keep).toList();
	}

	private static JsonNode arguments(ToolExecutionRequest call) {
		try {
			String raw = call.arguments() == null || call.arguments().isBlank() ? "{}" : call.arguments();
			JsonNode node = JSON.readTree(raw);
			if (!node.isObject()) {
				throw new LlmCallFailed(Reason.UNUSABLE, "arguments are not an object: " + call.name());
			}
			return node;
		}
		catch (tools.jackson.core.JacksonException ex) {
			throw new LlmCallFailed(Reason.UNUSABLE, "malformed arguments for " + call.name(), ex);
		}
	}

	private static String string(JsonNode args, String field) {
		JsonNode value = args.get(field);
		if (value == null || !value.isString() || value.asString().isBlank()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "missing " + field);
		}
		return value.asString().strip();
	}

	private static List<String> strings(JsonNode args, String field) {
		JsonNode value = args.get(field);
		if (value == null || !value.isArray() || value.isEmpty()) {
			throw new LlmCallFailed(Reason.UNUSABLE, "missing " + field);
		}
		List<String> out = new ArrayList<>();
		value.forEach(v -> {
			if (!v.isString()) {
				throw new LlmCallFailed(Reason.UNUSABLE, "non-text mention");
			}
			out.add(v.asString().strip());
		});
		return out;
	}

}
