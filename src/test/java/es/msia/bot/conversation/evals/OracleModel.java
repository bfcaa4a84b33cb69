package es.msia.bot.conversation.evals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import es.msia.bot.support.FakeOpenRouter.ToolCall;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the model behind the fake OpenRouter: it answers each request with the tool calls that
 * express what the offline engine understood of the customer's message. It measures the LLM plumbing
 * (calls, tokens, mapping back to commands), not a real model's understanding; that is the
 * {@code llm-it} run's job.
 */
final class OracleModel implements Function<JsonNode, List<ToolCall>> {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Understanding offline;

	private final AtomicReference<UnderstandingContext> context = new AtomicReference<>();

	private final java.util.concurrent.atomic.AtomicInteger written = new java.util.concurrent.atomic.AtomicInteger();

	OracleModel(Understanding offline) {
		this.offline = offline;
	}

	/** Wraps the understanding under test so the oracle sees each turn's context. */
	Understanding observing(Understanding understanding) {
		return (ctx, text) -> {
			context.set(ctx);
			return understanding.understand(ctx, text);
		};
	}

	/** How many answers the oracle wrote (each one either delivered or refused by the guard). */
	int answersWritten() {
		return written.get();
	}

	/** The first fact of the prompt's facts block ("- key: text"), without its key; null when none. */
	private static String firstFact(JsonNode request) {
		String system = request.path("messages").get(0).path("content").asString();
		int start = system.indexOf("Datos de MSI para responder:\n- ");
		if (start < 0) {
			return null;
		}
		String line = system.substring(start).lines().skip(1).findFirst().orElse("");
		int colon = line.indexOf(": ");
		return colon < 0 ? null : line.substring(colon + 2);
	}

	@Override
	public List<ToolCall> apply(JsonNode request) {
		String text = request.path("messages").get(1).path("content").asString();
		List<ToolCall> calls = new ArrayList<>();
		boolean elements = false;
		for (AgentCommand command : offline.understand(context.get(), text)) {
			if (command instanceof AgentCommand.MentionElements || command instanceof AgentCommand.AnswerVariant
					|| command instanceof AgentCommand.RemoveElements) {
				if (!elements) {
					calls.add(new ToolCall("mention_elements", args("mentions", List.of(text))));
				}
				elements = true;
			}
			else if (command instanceof AgentCommand.MentionVehicle vehicle) {
				calls.add(new ToolCall("mention_vehicle", args("vehicle", vehicle.vehicleType().code())));
			}
			else if (command instanceof AgentCommand.AskQuestion) {
				var args = JSON.createObjectNode().put("question", text).put("topic", "otro");
				String fact = firstFact(request);
				if (fact != null) {
					// Restates the best fact given, as a grounded model would; when the customer is in a hurry
					// it also invents a phone number, which the guard must catch.
					boolean invent = text.toLowerCase(java.util.Locale.ROOT).contains("urgente");
					args.put("answer", "Te cuento: " + fact + (invent ? " Llámanos al 611 222 333." : ""));
					written.incrementAndGet();
				}
				calls.add(new ToolCall("ask_question", args.toString()));
			}
			else {
				calls.add(ToolCall.of(tool(command)));
			}
		}
		return calls;
	}

	private static String tool(AgentCommand command) {
		if (command instanceof AgentCommand.Unknown) {
			return "off_topic";
		}
		String simple = command.getClass().getSimpleName();
		return simple.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
	}

	private static String args(String field, Object value) {
		return JSON.createObjectNode().set(field, JSON.valueToTree(value)).toString();
	}

}
