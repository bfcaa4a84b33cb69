package es.msia.bot.conversation.graph;

import java.util.Map;

import es.msia.bot.catalog.Quote;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.flow.Decision;
import es.msia.bot.conversation.flow.DialogueState;
import es.msia.bot.conversation.flow.Effect;
import es.msia.bot.conversation.flow.PolicyContext;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.state.Gate;
import es.msia.bot.conversation.state.TurnInput;

import static java.util.Map.entry;

/**
 * The checkpoint schema of {@link es.msia.bot.conversation.state.ConversationState}: its keys with their
 * types, and the tag of every command, effect and reply intent. The tags are the format: never rename one
 * (a checkpoint written before would no longer be read); a new subtype gets a new tag, or the schema
 * refuses to build.
 */
final class ConversationCheckpoints {

	static final CheckpointSchema SCHEMA = CheckpointSchema.builder()
		.key("turn", TurnInput.class)
		.key("context", PolicyContext.class)
		.key("dialogue", DialogueState.class)
		.key("gate", Gate.class)
		.listKey("commands", AgentCommand.class)
		.key("decision", Decision.class)
		.listKey("reply", String.class)
		.key("case_reply", String.class)
		.shared(Quote.class)
		.tagged(AgentCommand.class, Map.ofEntries(
				entry(AgentCommand.Greet.class, "greet"),
				entry(AgentCommand.MentionElements.class, "mention_elements"),
				entry(AgentCommand.RemoveElements.class, "remove_elements"),
				entry(AgentCommand.AnswerVariant.class, "answer_variant"),
				entry(AgentCommand.Affirm.class, "affirm"),
				entry(AgentCommand.Deny.class, "deny"),
				entry(AgentCommand.RequestHuman.class, "request_human"),
				entry(AgentCommand.RequestExamples.class, "request_examples"),
				entry(AgentCommand.MentionVehicle.class, "mention_vehicle"),
				entry(AgentCommand.AskQuestion.class, "ask_question"),
				entry(AgentCommand.ProvideCaseFields.class, "provide_case_fields"),
				entry(AgentCommand.Cancel.class, "cancel"),
				entry(AgentCommand.Thank.class, "thank"),
				entry(AgentCommand.SendMedia.class, "send_media"),
				entry(AgentCommand.AskAboutCase.class, "ask_about_case"),
				entry(AgentCommand.ChooseCase.class, "choose_case"),
				entry(AgentCommand.Unknown.class, "unknown")))
		.tagged(Effect.class, Map.ofEntries(
				entry(Effect.RecordQuote.class, "record_quote"),
				entry(Effect.AcceptQuote.class, "accept_quote"),
				entry(Effect.OpenCase.class, "open_case"),
				entry(Effect.CollectCase.class, "collect_case"),
				entry(Effect.ResumeCase.class, "resume_case"),
				entry(Effect.CancelCase.class, "cancel_case"),
				entry(Effect.Escalate.class, "escalate"),
				entry(Effect.SendExamples.class, "send_examples"),
				entry(Effect.AnswerAboutCase.class, "answer_about_case")))
		.tagged(ReplyIntent.class, Map.ofEntries(
				entry(ReplyIntent.Greeting.class, "greeting"),
				entry(ReplyIntent.AskForElements.class, "ask_for_elements"),
				entry(ReplyIntent.VariantQuestions.class, "variant_questions"),
				entry(ReplyIntent.UnknownTerms.class, "unknown_terms"),
				entry(ReplyIntent.QuoteGiven.class, "quote_given"),
				entry(ReplyIntent.SelectionEmpty.class, "selection_empty"),
				entry(ReplyIntent.NoTariff.class, "no_tariff"),
				entry(ReplyIntent.HandoffNotice.class, "handoff_notice"),
				entry(ReplyIntent.ExamplesComing.class, "examples_coming"),
				entry(ReplyIntent.NoExamples.class, "no_examples"),
				entry(ReplyIntent.CaseMessage.class, "case_message"),
				entry(ReplyIntent.QuoteDeclined.class, "quote_declined"),
				entry(ReplyIntent.Cancelled.class, "cancelled"),
				entry(ReplyIntent.ConfirmCaseCancel.class, "confirm_case_cancel"),
				entry(ReplyIntent.Welcome.class, "welcome"),
				entry(ReplyIntent.MediaReceived.class, "media_received"),
				entry(ReplyIntent.QuestionForPerson.class, "question_for_person"),
				entry(ReplyIntent.CaseQuestionForTeam.class, "case_question_for_team"),
				entry(ReplyIntent.BackToCase.class, "back_to_case"),
				entry(ReplyIntent.FaqAnswer.class, "faq_answer"),
				entry(ReplyIntent.StayWithBot.class, "stay_with_bot"),
				entry(ReplyIntent.NotUnderstood.class, "not_understood"),
				entry(ReplyIntent.VariantQuestionsAgain.class, "variant_questions_again"),
				entry(ReplyIntent.NotUnderstoodAgain.class, "not_understood_again"),
				entry(ReplyIntent.PersonOffered.class, "person_offered"),
				entry(ReplyIntent.QuoteStillOpen.class, "quote_still_open")))
		.build();

	private ConversationCheckpoints() {
	}

}
