package es.msia.bot.conversation;

import java.time.Clock;

import es.msia.bot.cases.CaseManagement;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.conversation.graph.ConversationGraph;
import es.msia.bot.conversation.graph.nodes.*;
import es.msia.bot.conversation.quotes.QuoteRecords;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.understanding.Understanding;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.messaging.CheckpointStore;
import org.bsc.langgraph4j.GraphStateException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the conversation engine: the offline understanding, the policy, the composer and the graph.
 */
@Configuration(proxyBeanMethods = false)
class ConversationConfiguration {

	/** Offline understanding on the live catalogue (the LLM understanding, when configured, wraps it). */
	@Bean
	Understanding understanding(CatalogEngines engines) {
		return (context, text) -> engines.current().understanding().understand(context, text);
	}

	@Bean
	ConversationGraph conversationGraph(CatalogEngines engines, Understanding understanding,
			CustomerProfiles profiles, QuoteRecords quotes, Handoffs handoffs, AgentSwitch agentSwitch,
			ContextPack contextPack, ExampleImages examples, ChatwootOutbox outbox, CheckpointStore checkpoints,
			CaseManagement cases)
			throws GraphStateException {
		ConversationGraph.Steps steps = new ConversationGraph.Steps(new LoadContext(profiles, quotes, cases),
				new CheckOwner(handoffs, agentSwitch), new Understand(understanding), new Decide(engines),
				new ApplyEffects(quotes, handoffs, contextPack, cases),
				new ComposeReply(new ReplyComposer(), handoffs, Clock.systemDefaultZone()), new SendReply(outbox, handoffs, examples));
		return new ConversationGraph(steps, checkpoints);
	}

}
