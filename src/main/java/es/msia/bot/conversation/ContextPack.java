package es.msia.bot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.messaging.Transcript;
import org.springframework.stereotype.Component;

/**
 * The summary a person gets when the bot hands a conversation over (a private note in Chatwoot and the
 * escalation in the panel): who, which tariff, what they want, the last quote, why, and the last
 * messages, so nobody has to scroll back.
 */
@Component
public class ContextPack {

	private static final int LAST_MESSAGES = 8;

	private final Transcript transcript;

	private final QuoteRecords quotes;

	private final Catalog catalog;

	ContextPack(Transcript transcript, QuoteRecords quotes, Catalog catalog) {
		this.transcript = transcript;
		this.quotes = quotes;
		this.catalog = catalog;
	}

	public String describe(ConversationState state, EscalationCause cause) {
		TurnInput turn = state.turn();
		PolicyContext context = state.context();
		DialogueState dialogue = state.dialogue().orElse(DialogueState.initial());
		StringBuilder note = new StringBuilder("🤖 Escalado por el asistente. Motivo: ").append(reason(cause)).append('\n');
		note.append("Cliente: ").append(turn.senderName() == null ? "(sin nombre)" : turn.senderName())
			.append(" · tipo: ").append(context.clientType().code()).append('\n');
		note.append("Tarifa: ").append(context.categorySlug() == null ? "ninguna para este cliente"
				: catalog.category(context.categorySlug()).map(c -> c.nameEs()).orElse(context.categorySlug())).append('\n');
		note.append("Fase: ").append(dialogue.phase().name().toLowerCase(Locale.ROOT)).append('\n');
		note.append("Elementos: ").append(dialogue.items().isEmpty() ? "—" : names(context, dialogue.items())).append('\n');
		if (!dialogue.pendingUmbrellas().isEmpty()) {
			note.append("Preguntas pendientes: ").append(String.join(", ", dialogue.pendingUmbrellas())).append('\n');
		}
		quotes.latest(turn.conversationId()).ifPresent(q -> note.append("Último presupuesto: ").append(q.tierCode())
			.append(" · ").append(q.tierPrice()).append(" € + IVA (").append(q.status()).append(", catálogo ")
			.append(q.catalogVersion()).append(")\n"));
		note.append("Últimos mensajes:\n");
		List<Transcript.Line> lines = transcript.latest(turn.conversationId(), LAST_MESSAGES);
		lines.forEach(l -> note.append("- ").append(speaker(l.senderKind())).append(": ")
			.append(l.content() == null ? "(adjunto)" : l.content().replace('\n', ' ')).append('\n'));
		return note.toString().strip();
	}

	private String names(PolicyContext context, List<String> items) {
		return catalog.category(context.categorySlug())
			.map(c -> items.stream()
				.map(code -> c.elements().stream()
					.flatMap(e -> e.code().equals(code) ? java.util.stream.Stream.of(e.nameEs())
							: e.variant(code).map(v -> e.nameEs() + " – " + v.nameEs()).stream())
					.findFirst()
					.orElse(code))
				.collect(Collectors.joining(", ")))
			.orElse(String.join(", ", items));
	}

	private static String speaker(String senderKind) {
		switch (senderKind) {
			case "customer":
				return "Cliente";
			case "bot":
				return "Bot";
			case "human":
				return "Agente";
			default:
				return senderKind;
		}
	}

	private static String reason(EscalationCause cause) {
		switch (cause) {
			case CUSTOMER_REQUEST:
				return "el cliente pide hablar con una persona";
			case STUCK:
				return "el asistente no consigue avanzar";
			case NO_TARIFF:
				return "no hay tarifa para este cliente o vehículo";
			case PANIC_BUTTON:
				return "asistente desactivado por el equipo";
			default:
				return "fuera del alcance del asistente";
		}
	}

}
