package es.msia.bot.conversation.graph;

/** Node ids of the conversation graph, in the order a turn passes them. */
final class Nodes {

	static final String LOAD_CONTEXT = "load_context";

	static final String CHECK_OWNER = "check_owner";

	static final String UNDERSTAND = "understand";

	static final String DECIDE = "decide";

	static final String APPLY_EFFECTS = "apply_effects";

	static final String COMPOSE_REPLY = "compose_reply";

	static final String SEND_REPLY = "send_reply";

	private Nodes() {
	}

}
