package es.msia.bot.conversation.understanding;

import java.util.List;

import es.msia.bot.conversation.command.AgentCommand;

/**
 * Turns a customer's message into commands. Implementations: the offline rules (always available) and
 * the LLM (when configured), which falls back to the offline rules when it fails.
 */
public interface Understanding {

	List<AgentCommand> understand(UnderstandingContext context, String text);

}
