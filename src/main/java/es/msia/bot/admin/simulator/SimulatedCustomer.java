package es.msia.bot.admin.simulator;

import java.io.Serializable;

/**
 * The customer a staff member plays in the simulator, and the simulated conversation, kept in the HTTP
 * session so each staff member has their own chat.
 *
 * @param clientType {@code particular} or {@code profesional}, sent as Chatwoot's {@code tipo} attribute
 */
record SimulatedCustomer(long conversationId, String name, String phone, String clientType) implements Serializable {

	static final String SESSION_KEY = "simulator.customer";

}
