package es.msia.bot.conversation.graph;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import es.msia.bot.catalog.AppliedSurcharge;
import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CatalogWarning;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ExtraDefinition;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuotedItem;
import es.msia.bot.catalog.VariantOption;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.catalog.WarningSeverity;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.DialogueState.Offer;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.TurnAttachment;
import es.msia.bot.conversation.state.TurnInput;
import org.bsc.langgraph4j.checkpoint.Checkpoint;

/**
 * Checkpoints shaped like the ones the conversation graph writes, built by hand so a test can say what
 * each must decode to. The FORMAT-1 fixtures under {@code src/test/resources/checkpoints/} were written
 * from these by the release that still used Java serialization ({@link Format1FixtureWriter}); change
 * nothing here that would make them differ from those bytes.
 */
final class CheckpointSamples {

	/** Fixture name → checkpoint. */
	static Map<String, Checkpoint> all() {
		Map<String, Checkpoint> all = new LinkedHashMap<>();
		all.put("quoted", quoted());
		all.put("collecting-case", collectingCase());
		all.put("awaiting-variants-mid-turn", awaitingVariantsMidTurn());
		all.put("handed-off", handedOff());
		all.put("every-type", everyType());
		return all;
	}

	private CheckpointSamples() {
	}

	static final PolicyContext MOTO_PARTICULAR = new PolicyContext(ClientType.PARTICULAR, VehicleType.MOTO, "motos-part",
			"Lucía");

	static Quote escapeAndHandlebar() {
		return new Quote("motos-part", "Motocicletas (clientes particulares)", "T5", "Tarifa 5 (dos elementos sin proyecto)",
				false, new BigDecimal("140.00"),
				List.of(new AppliedSurcharge("CERT_TALLER", "Certificado de taller no colaborador", new BigDecimal("25.00"),
						false), new AppliedSurcharge("URGENTE", "Tramitación urgente", new BigDecimal("30.00"), true)),
				new BigDecimal("195.00"), new BigDecimal("0.21"), new BigDecimal("40.95"), new BigDecimal("235.95"),
				List.of(new QuotedItem("ESCAPE", "Escape", "LISTA_T4", "Lista de la tarifa 4 (sin proyecto)", null),
						new QuotedItem("MANILLAR", "Manillar", "LISTA_T4", "Lista de la tarifa 4 (sin proyecto)", null)),
				List.of(new CatalogWarning("ITV_PLAZO", WarningSeverity.INFO,
						"Tras recibir la documentación, la inspección en la ITV debe hacerse en un plazo de 3 meses.",
						"category"),
						new CatalogWarning("ESCAPE_HOMOLOGADO", WarningSeverity.WARNING,
								"El escape debe llevar marcado de homologación (número E) visible; sin él no se puede legalizar.",
								CatalogWarning.ELEMENT_SCOPE)),
				List.of(new BaseDocument("FICHA_TECNICA", "Ficha técnica", "Foto de las dos caras, completa y legible.",
						"Imagenes/ficha_tecnica.jpg"),
						new BaseDocument("PERMISO", "Permiso de circulación", "Foto completa, sin reflejos.", null)),
				List.of("Foto del escape montado, de lado", "Foto del marcado E del escape", "Foto del manillar de frente"),
				List.of(new ExtraDefinition("GESTION_ITV", "Gestión de la cita de ITV", new BigDecimal("35.00"), null,
						"per_case"),
						new ExtraDefinition("INGENIERO_HORA", "Hora de ingeniero", null, "Consultar", "per_hour")),
				new BigDecimal("45.00"), "2026.1",
				"Dos elementos de la lista de la tarifa 4 sin proyecto: se aplica la tarifa 5.");
	}

	static PendingVariantQuestion suspensionQuestion() {
		return new PendingVariantQuestion("SUSPENSION", "Suspensión", "¿Es la suspensión delantera o la trasera?",
				List.of(new VariantOption("SUSP_DEL_BARRAS", "Delantera (barras)"),
						new VariantOption("SUSP_DEL_MUELLES", "Delantera (muelles)"),
						new VariantOption("SUSP_TRAS", "Trasera")),
				"la suspensión", 0);
	}

	static TurnInput turn(long messageId, String text, List<TurnAttachment> attachments) {
		return new TurnInput(messageId, 4211L, 9183L, text, "Lucía Fernández Ruiz",
				Instant.parse("2026-12-08T10:15:30.123456Z"), attachments);
	}

	/** After send_reply of the turn that gave a quote: the last checkpoint of that turn. */
	static Checkpoint quoted() {
		Quote quote = escapeAndHandlebar();
		DialogueState dialogue = new DialogueState(Phase.QUOTED, List.of("ESCAPE", "MANILLAR"), List.of(), List.of(),
				Offer.OPEN_CASE, 0, List.of());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("turn", turn(88_001L, "Hola, quiero legalizar el escape y el manillar de mi moto", List.of()));
		state.put("context", MOTO_PARTICULAR);
		state.put("dialogue", dialogue);
		state.put("gate", Gate.BOT);
		state.put("commands", List.of(new AgentCommand.Greet(),
				new AgentCommand.MentionElements(List.of("ESCAPE", "MANILLAR"), List.of(), List.of())));
		state.put("decision", new Decision(dialogue,
				List.of(new ReplyIntent.Greeting("Lucía"), new ReplyIntent.QuoteGiven(quote, false)),
				List.of(new Effect.RecordQuote(quote))));
		state.put("reply", List.of("¡Hola, Lucía! Soy el asistente de MSI Automotive.",
				"Para legalizar *Escape* y *Manillar* en tu moto el precio es de *235,95 €* (IVA incluido): "
						+ "195,00 € + 40,95 € de IVA. Tarifa 5 (dos elementos sin proyecto). "
						+ "Necesitaremos la ficha técnica y el permiso de circulación. ¿Quieres que abramos el expediente?"));
		state.put("case_reply", "");
		return Checkpoint.builder().id("0b7d1c2e-5a11-4e0f-9c51-3f0f1a2b3c4d").nodeId("send_reply").nextNodeId("__END__")
			.state(state).build();
	}

	/** A case being collected: the customer sends data and a photo, the model proposed field values. */
	static Checkpoint collectingCase() {
		DialogueState dialogue = new DialogueState(Phase.COLLECTING_CASE, List.of("ESCAPE", "MANILLAR"), List.of(),
				List.of(), Offer.NONE, 0, List.of("ESCAPE"));
		Map<String, String> proposed = new LinkedHashMap<>();
		proposed.put("nombre", "Lucía Fernández Ruiz");
		proposed.put("nif", "12345678Z");
		proposed.put("matricula", "1234KLM");
		proposed.put("codigo_postal", "28013");
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("turn", turn(88_014L, "Soy Lucía Fernández Ruiz, DNI 12345678Z, matrícula 1234KLM, CP 28013",
				List.of(new TurnAttachment(55_120L, "image",
						"https://chat.example.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6NTUxMjB9/escape.jpg"),
						new TurnAttachment(55_121L, "file", null))));
		state.put("context", MOTO_PARTICULAR);
		state.put("dialogue", dialogue);
		state.put("gate", Gate.BOT);
		state.put("commands", List.of(new AgentCommand.ProvideCaseFields(proposed)));
		state.put("decision", new Decision(dialogue, List.of(new ReplyIntent.CaseMessage()),
				List.of(new Effect.CollectCase(proposed))));
		state.put("reply", List.of("Gracias, Lucía. He guardado tus datos y la foto del escape.",
				"Ahora necesito una foto del marcado E del escape."));
		state.put("case_reply", "Gracias, Lucía. He guardado tus datos y la foto del escape.\n"
				+ "Ahora necesito una foto del marcado E del escape.");
		return Checkpoint.builder().id("5e3f9a10-2b7c-4d8e-8f01-aa55bb66cc77").nodeId("apply_effects")
			.nextNodeId("compose_reply").state(state).build();
	}

	/** Right after understand (the paid call), before the decision: a generic element and a question. */
	static Checkpoint awaitingVariantsMidTurn() {
		DialogueState dialogue = new DialogueState(Phase.AWAITING_VARIANTS, List.of("ESCAPE"), List.of(suspensionQuestion()),
				List.of("alerón"), Offer.NONE, 1, List.of());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("turn", turn(88_007L, "también la suspensión y un alerón, ¿cuánto tardáis?", List.of()));
		state.put("context", MOTO_PARTICULAR);
		state.put("dialogue", dialogue);
		state.put("gate", Gate.BOT);
		state.put("commands", List.of(
				new AgentCommand.MentionElements(List.of(), List.of(suspensionQuestion()), List.of("alerón")),
				new AgentCommand.AskQuestion("¿cuánto tardáis?",
						"El expediente suele estar listo en 5 a 7 días laborables desde que tenemos toda la documentación.")));
		state.put("reply", List.of());
		state.put("case_reply", "");
		return Checkpoint.builder().id("9c1d2e3f-4a5b-4c6d-8e7f-0a1b2c3d4e5f").nodeId("understand").nextNodeId("decide")
			.state(state).build();
	}

	/** A turn handed to a person, then a silent one. */
	static Checkpoint handedOff() {
		DialogueState dialogue = new DialogueState(Phase.HANDED_OFF, List.of(), List.of(), List.of(), Offer.NONE, 0,
				List.of());
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("turn", turn(88_020L, "quiero hablar con una persona", List.of()));
		state.put("context", new PolicyContext(ClientType.PROFESIONAL, VehicleType.COCHE, null, null));
		state.put("dialogue", dialogue);
		state.put("gate", Gate.SILENT);
		state.put("commands", List.of(new AgentCommand.RequestHuman()));
		state.put("decision", new Decision(dialogue, List.of(new ReplyIntent.HandoffNotice(EscalationCause.CUSTOMER_REQUEST)),
				List.of(new Effect.Escalate(EscalationCause.CUSTOMER_REQUEST))));
		state.put("reply", List.of("Te paso con una persona del equipo, que te escribirá por aquí en cuanto pueda."));
		state.put("case_reply", "");
		return Checkpoint.builder().id("c0ffee00-1111-4222-8333-444455556666").nodeId("check_owner").nextNodeId("__END__")
			.state(state).build();
	}

	/**
	 * {@link #everyType()} with the subtypes added since the format-1 fixtures were written, so the JSON
	 * format is checked for every type this release has (the fixture itself stays as the old release wrote it).
	 */
	@SuppressWarnings("unchecked")
	static Checkpoint everyTypeNow() {
		Checkpoint base = everyType();
		Map<String, Object> state = new LinkedHashMap<>(base.getState());
		List<AgentCommand> commands = new java.util.ArrayList<>((List<AgentCommand>) state.get("commands"));
		commands.add(new AgentCommand.AskAboutCase("¿cómo va mi expediente?"));
		commands.add(new AgentCommand.ChooseCase("MSI-2026-000123"));
		Decision decision = (Decision) state.get("decision");
		List<Effect> effects = new java.util.ArrayList<>(decision.effects());
		effects.add(new Effect.AnswerAboutCase("MSI-2026-000123"));
		effects.add(new Effect.AnswerAboutCase(null));
		DialogueState choosing = decision.state().choosingCase();
		state.put("commands", commands);
		state.put("dialogue", choosing);
		state.put("decision", new Decision(choosing, decision.replies(), effects));
		return Checkpoint.builder().id(base.getId()).nodeId(base.getNodeId()).nextNodeId(base.getNextNodeId())
			.state(state).build();
	}

	/** Every command, effect and reply intent of the format-1 release at least once. */
	static Checkpoint everyType() {
		Quote quote = escapeAndHandlebar();
		PendingVariantQuestion question = suspensionQuestion();
		DialogueState dialogue = new DialogueState(Phase.ACCEPTED, List.of("ESCAPE", "SUSP_TRAS"), List.of(question),
				List.of("spoiler"), Offer.CANCEL_CASE, 2, List.of("ESCAPE", "SUSP_TRAS"));
		List<AgentCommand> commands = List.of(new AgentCommand.Greet(),
				new AgentCommand.MentionElements(List.of("ESCAPE"), List.of(question), List.of("spoiler")),
				new AgentCommand.RemoveElements(List.of("MANILLAR")),
				new AgentCommand.AnswerVariant("SUSPENSION", List.of("SUSP_TRAS")), new AgentCommand.Affirm(),
				new AgentCommand.Deny(), new AgentCommand.RequestHuman(), new AgentCommand.RequestExamples(),
				new AgentCommand.MentionVehicle(VehicleType.AUTOCARAVANA), new AgentCommand.AskQuestion("¿abrís el sábado?"),
				new AgentCommand.AskQuestion("¿y el horario?", "De lunes a viernes, de 9:00 a 18:00."),
				new AgentCommand.ProvideCaseFields(Map.of("tipo", "Colector")), new AgentCommand.Cancel(),
				new AgentCommand.Thank(), new AgentCommand.SendMedia(true), new AgentCommand.Unknown("asdf 🙂"));
		List<ReplyIntent> replies = List.of(new ReplyIntent.Greeting(null), new ReplyIntent.AskForElements(),
				new ReplyIntent.VariantQuestions(List.of(question)), new ReplyIntent.UnknownTerms(List.of("spoiler"), true),
				new ReplyIntent.QuoteGiven(quote, true), new ReplyIntent.SelectionEmpty(),
				new ReplyIntent.NoTariff("coche"), new ReplyIntent.HandoffNotice(EscalationCause.STUCK),
				new ReplyIntent.ExamplesComing(3), new ReplyIntent.NoExamples(true), new ReplyIntent.CaseMessage(),
				new ReplyIntent.QuoteDeclined(), new ReplyIntent.Cancelled(), new ReplyIntent.ConfirmCaseCancel(),
				new ReplyIntent.Welcome(), new ReplyIntent.MediaReceived(true, false), new ReplyIntent.QuestionForPerson(),
				new ReplyIntent.CaseQuestionForTeam(), new ReplyIntent.BackToCase(),
				new ReplyIntent.FaqAnswer("Estamos en Madrid."), new ReplyIntent.StayWithBot(),
				new ReplyIntent.NotUnderstood(false), new ReplyIntent.VariantQuestionsAgain(List.of(question), "la trasera"),
				new ReplyIntent.NotUnderstoodAgain(List.of("Escape"), List.of("spoiler"), List.of("Manillar", "Faro")),
				new ReplyIntent.PersonOffered(), new ReplyIntent.QuoteStillOpen());
		List<Effect> effects = List.of(new Effect.RecordQuote(quote), new Effect.AcceptQuote(), new Effect.OpenCase(quote),
				new Effect.CollectCase(), new Effect.CollectCase(Map.of("marca_modelo", "Akrapovic")),
				new Effect.ResumeCase(), new Effect.CancelCase(), new Effect.Escalate(EscalationCause.PANIC_BUTTON),
				new Effect.SendExamples(List.of("ESCAPE", "SUSP_TRAS")));
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("turn", turn(88_099L, "", List.of(new TurnAttachment(1L, "audio", null))));
		state.put("context", new PolicyContext(ClientType.PROFESIONAL, VehicleType.AUTOCARAVANA, null, "Ana"));
		state.put("dialogue", dialogue);
		state.put("gate", Gate.PANIC);
		state.put("commands", commands);
		state.put("decision", new Decision(dialogue, replies, effects));
		state.put("reply", List.of("uno", "dos"));
		state.put("case_reply", "Caso MSI-2026-000123: pendiente de la foto trasera.");
		return Checkpoint.builder().id("e7e7e7e7-0000-4000-8000-000000000001").nodeId("decide")
			.nextNodeId("apply_effects").state(state).build();
	}

}
