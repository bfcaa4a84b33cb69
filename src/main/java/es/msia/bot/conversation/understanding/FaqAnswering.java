package es.msia.bot.conversation.understanding;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.command.AgentCommand.AskQuestion;

/**
 * Adds the knowledge base's answer to each question another understanding found (and turns an
 * unrecognised message that an entry matches into such a question), so the policy can answer it instead
 * of offering a person. The answer text is looked up, never generated here; an answer the LLM wrote and
 * its guard passed is kept as it is.
 */
public class FaqAnswering implements Understanding {

	private final Understanding delegate;

	private final Function<String, Optional<String>> answers;

	/** @param answers the stored answer for a question's text, when an entry matches */
	public FaqAnswering(Understanding delegate, Function<String, Optional<String>> answers) {
		this.delegate = delegate;
		this.answers = answers;
	}

	@Override
	public List<AgentCommand> understand(UnderstandingContext context, String text) {
		return delegate.understand(context, text).stream().map(c -> withAnswer(c, text)).toList();
	}

	private AgentCommand withAnswer(AgentCommand command, String text) {
		if (command instanceof AgentCommand.Unknown unknown) {
			// "horario" or "plazo" alone is not phrased as a question, yet the knowledge base answers it.
			return answers.apply(unknown.text()).<AgentCommand>map(a -> new AskQuestion(unknown.text(), a)).orElse(command);
		}
		if (!(command instanceof AskQuestion question) || question.faqAnswer() != null) {
			return command;
		}
		Optional<String> answer = answers.apply(question.text());
		if (answer.isEmpty() && !question.text().equals(text)) {
			answer = answers.apply(text);
		}
		return new AskQuestion(question.text(), answer.orElse(null));
	}

}
