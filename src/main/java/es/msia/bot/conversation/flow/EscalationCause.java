package es.msia.bot.conversation.flow;

/** Why the policy hands a conversation to a person. */
public enum EscalationCause {

	CUSTOMER_REQUEST, STUCK, OUT_OF_SCOPE, NO_TARIFF, PANIC_BUTTON

}
