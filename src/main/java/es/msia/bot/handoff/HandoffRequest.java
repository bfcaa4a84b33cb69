package es.msia.bot.handoff;

/**
 * A request to hand a conversation to a person.
 *
 * @param conversationId Chatwoot conversation (display) id
 * @param contextPack what the person needs to pick up (customer, client type, vehicle, elements, last
 * quote, case state, reason in words), Spanish, posted as a private note
 */
public record HandoffRequest(long conversationId, HandoffReason reason, String contextPack) {
}
