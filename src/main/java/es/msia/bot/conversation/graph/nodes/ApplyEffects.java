package es.msia.bot.conversation.graph.nodes;

import java.util.List;
import java.util.Map;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseReply;
import es.msia.bot.cases.CaseStatusAnswers;
import es.msia.bot.cases.CaseStatusQuestion;
import es.msia.bot.cases.IncomingFile;
import es.msia.bot.cases.OpenCase;

import es.msia.bot.conversation.ContextPack;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.state.ConversationState;
import es.msia.bot.conversation.state.StateUpdate;
import es.msia.bot.conversation.state.TurnInput;
import es.msia.bot.handoff.HandoffReason;
import es.msia.bot.handoff.HandoffRequest;
import es.msia.bot.handoff.Handoffs;
import org.bsc.langgraph4j.action.NodeAction;

/**
 * Act: carries out the decision's side effects (quotes, cases, escalations); the case flow's answer is
 * kept in the state for the composer. Each is idempotent for the turn (quotes keyed by the
 * customer message, one open escalation per conversation, attachments keyed by the message), so a turn
 * resumed after a crash repeats nothing. Example images are sent by {@link SendReply}, after the text
 * that announces them.
 */
public final class ApplyEffects implements NodeAction<ConversationState> {

	private final QuoteRecords quotes;

	private final Handoffs handoffs;

	private final ContextPack contextPack;

	private final CaseManagement cases;

	private final CaseStatusAnswers caseAnswers;

	public ApplyEffects(QuoteRecords quotes, Handoffs handoffs, ContextPack contextPack, CaseManagement cases,
			CaseStatusAnswers caseAnswers) {
		this.quotes = quotes;
		this.handoffs = handoffs;
		this.contextPack = contextPack;
		this.cases = cases;
		this.caseAnswers = caseAnswers;
	}

	@Override
	public Map<String, Object> apply(ConversationState state) {
		TurnInput turn = state.turn();
		StateUpdate update = StateUpdate.of();
		for (Effect effect : state.decision().effects()) {
			if (effect instanceof Effect.RecordQuote record) {
				quotes.record(turn, record.quote());
			}
			else if (effect instanceof Effect.AcceptQuote) {
				quotes.accept(turn.conversationId());
			}
			else if (effect instanceof Effect.OpenCase open) {
				update.caseReply(cases.open(new OpenCase(turn.conversationId(), turn.customerId(), open.quote())).text());
			}
			else if (effect instanceof Effect.CollectCase collectCase) {
				CaseReply reply = collect(turn, turn.text(), collectCase.proposed());
				update.caseReply(reply.text());
				if (reply.handOff()) {
					// The case flow asked the same thing three times in a row: a person goes on, the case stays.
					handoffs.request(new HandoffRequest(turn.conversationId(), HandoffReason.STUCK,
							contextPack.describe(state, EscalationCause.STUCK)));
					Decision handedOff = state.decision().handedOff(EscalationCause.STUCK);
					update.decision(handedOff).dialogue(handedOff.state());
				}
			}
			else if (effect instanceof Effect.ResumeCase) {
				update.caseReply(collect(turn, "", Map.of()).text());
			}
			else if (effect instanceof Effect.AnswerAboutCase about) {
				CaseStatusAnswers.Answer answer = caseAnswers.answer(turn.conversationId(), turn.customerId(),
						about.reference(), CaseStatusQuestion.topic(turn.text()));
				update.caseReply(answer.text());
				if (answer.choosing()) {
					update.dialogue(state.decision().state().choosingCase());
				}
			}
			else if (effect instanceof Effect.CancelCase) {
				update.caseReply(cases.cancel(turn.conversationId()).map(CaseReply::text).orElse(""));
			}
			else if (effect instanceof Effect.Escalate escalate) {
				handoffs.request(new HandoffRequest(turn.conversationId(), reason(escalate.cause()),
						contextPack.describe(state, escalate.cause())));
			}
		}
		return update.build();
	}

	/** The case flow's answer; idempotent per message id, so a resumed turn gets the same reply. */
	private CaseReply collect(TurnInput turn, String text, Map<String, String> proposed) {
		List<IncomingFile> files = turn.attachments().stream()
			.map(a -> new IncomingFile(a.id(), a.dataUrl(), a.fileType()))
			.toList();
		return cases.receive(turn.conversationId(), turn.messageId(), text, files, proposed)
			.orElse(new CaseReply("", es.msia.bot.cases.CaseStatus.COLLECTING, ""));
	}

	static HandoffReason reason(EscalationCause cause) {
		switch (cause) {
			case CUSTOMER_REQUEST:
				return HandoffReason.CUSTOMER_REQUEST;
			case STUCK:
				return HandoffReason.STUCK;
			case NO_TARIFF:
				return HandoffReason.NO_TARIFF;
			case PANIC_BUTTON:
				return HandoffReason.PANIC_BUTTON;
			default:
				return HandoffReason.OUT_OF_SCOPE;
		}
	}

}
