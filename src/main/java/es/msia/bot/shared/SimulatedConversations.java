package es.msia.bot.shared;

/**
 * The id range reserved for conversations the panel's simulator creates. Chatwoot's display ids are small
 * per-account counters and never reach it, so any module can tell a simulated conversation from a real one
 * by its id alone, without a lookup: {@code chatwoot} uses it to keep simulated traffic away from Chatwoot.
 */
public final class SimulatedConversations {

	/** First id of the range; conversation and message ids of simulated chats are drawn from here up. */
	public static final long FIRST_ID = 900_000_000_000L;

	private SimulatedConversations() {
	}

	/** True for a conversation (or message) id made by the simulator. */
	public static boolean isSimulated(long id) {
		return id >= FIRST_ID;
	}

}
