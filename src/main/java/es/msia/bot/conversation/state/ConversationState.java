package es.msia.bot.conversation.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.PolicyContext;
import org.bsc.langgraph4j.state.AgentState;
import org.bsc.langgraph4j.state.Channel;

/**
 * The graph's state for one conversation (thread id = Chatwoot conversation id). The dialogue carries
 * over between turns; the other keys belong to the turn being processed. Nodes write it through
 * {@link StateUpdate}, never with ad-hoc maps.
 */
public class ConversationState extends AgentState {

	static final String TURN = "turn";

	static final String CONTEXT = "context";

	static final String DIALOGUE = "dialogue";

	static final String GATE = "gate";

	static final String COMMANDS = "commands";

	static final String DECISION = "decision";

	static final String REPLY = "reply";

	static final String CASE_REPLY = "case_reply";

	/** No reducers: every key is last-write-wins. */
	public static final Map<String, Channel<?>> SCHEMA = Map.of();

	public ConversationState(Map<String, Object> data) {
		super(data);
	}

	public TurnInput turn() {
		return this.<TurnInput>value(TURN).orElseThrow();
	}

	public PolicyContext context() {
		return this.<PolicyContext>value(CONTEXT).orElseThrow();
	}

	public Optional<DialogueState> dialogue() {
		return value(DIALOGUE);
	}

	public Gate gate() {
		return this.<Gate>value(GATE).orElse(Gate.BOT);
	}

	public List<AgentCommand> commands() {
		return this.<List<AgentCommand>>value(COMMANDS).orElse(List.of());
	}

	public Decision decision() {
		return this.<Decision>value(DECISION).orElseThrow();
	}

	public List<String> reply() {
		return this.<List<String>>value(REPLY).orElse(List.of());
	}

	/** What the case flow answered in this turn (empty when no case effect ran). */
	public String caseReply() {
		return this.<String>value(CASE_REPLY).orElse("");
	}

	/** The input of a new turn: the turn itself, and the previous turn's transient keys cleared. */
	public static Map<String, Object> newTurn(TurnInput turn) {
		return Map.of(TURN, turn, COMMANDS, List.of(), REPLY, List.of(), GATE, Gate.BOT, CASE_REPLY, "");
	}

}
