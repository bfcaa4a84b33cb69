package es.msia.bot.conversation;

import java.time.Clock;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseStatusAnswers;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.conversation.graph.ConversationGraph;
import es.msia.bot.conversation.graph.nodes.*;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.llm.LlmCalls;
import es.msia.bot.conversation.llm.LlmSettings;
import es.msia.bot.conversation.llm.LlmUnderstanding;
import es.msia.bot.conversation.llm.MeteredLedger;
import es.msia.bot.conversation.understanding.FaqAnswering;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.knowledge.Faq;
import es.msia.bot.knowledge.FaqEntry;
import es.msia.bot.messaging.Transcript;
import es.msia.bot.messaging.CheckpointStore;
import es.msia.bot.messaging.InboundMessages;
import org.bsc.langgraph4j.GraphStateException;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the conversation engine: the understanding (offline, or LLM with offline fallback), the policy, the composer and the graph.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	/** Knowledge-base entries given to the model as facts per turn: enough to answer, few tokens. */
	private static final int FACTS_PER_CALL = 2;

	/**
	 * Offline understanding on the live catalogue, or, with an OpenRouter key, the LLM understanding that
	 * falls back to it; either way the knowledge base answers the questions it can.
	 */
	@Bean
	Understanding understanding(CatalogEngines engines, Faq faq, LlmSettings settings, LlmCalls llmCalls,
			Transcript transcript, LlmOptions options, MeterRegistry meters) {
		Understanding offline = (context, text) -> engines.current().understanding().understand(context, text);
		Understanding understanding = offline;
		if (settings.enabled()) {
			understanding = new LlmUnderstanding(settings, new MeteredLedger(llmCalls, meters), new LlmUnderstanding.Sources(
					() -> engines.current().catalog(), offline,
					id -> transcript.latest(id, settings.windowMessages()).stream().map(ConversationConfiguration::line).toList(),
					() -> faq.entries().stream().map(FaqEntry::key).toList(), key -> faq.byKey(key).map(FaqEntry::answer),
					text -> faq.relevant(text, FACTS_PER_CALL)),
					options::current, () -> meters.counter("msia.llm.fallbacks").increment());
		}
		return new FaqAnswering(understanding, question -> faq.answer(question).map(FaqEntry::answer));
	}

	@Bean
	LlmCalls llmCalls(JdbcClient jdbc) {
		return new LlmCalls(jdbc);
	}

	private static String line(Transcript.Line line) {
		return ("inbound".equals(line.direction()) ? "Cliente: " : "MSI: ") + (line.content() == null ? "" : line.content());
	}

	@Bean
	ConversationGraph conversationGraph(CatalogEngines engines, Understanding understanding,
			CustomerProfiles profiles, QuoteRecords quotes, Handoffs handoffs, AgentSwitch agentSwitch,
			ContextPack contextPack, ExampleImages examples, ChatwootOutbox outbox, CheckpointStore checkpoints,
			CaseManagement cases, CaseStatusAnswers caseAnswers, InboundMessages inbound, LlmSettings settings)
			throws GraphStateException {
		ConversationGraph.Steps steps = new ConversationGraph.Steps(new LoadContext(profiles, quotes, cases),
				new CheckOwner(handoffs, agentSwitch), new Understand(understanding,
						settings.enabled() ? cases::askedFields : conversationId -> java.util.Optional.empty(),
						caseAnswers::choose), new Decide(engines),
				new ApplyEffects(quotes, handoffs, contextPack, cases, caseAnswers),
				new ComposeReply(new ReplyComposer(), handoffs, Clock.systemDefaultZone()), new SendReply(outbox, handoffs, examples, inbound));
		return new ConversationGraph(steps, checkpoints);
	}

}
