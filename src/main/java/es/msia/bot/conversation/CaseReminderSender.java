package es.msia.bot.conversation;

import es.msia.bot.cases.CaseReminderDue;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Sends a case reminder through the outbox, once per case (the idempotency key is the case). */
@Component
class CaseReminderSender {

	private final ChatwootOutbox outbox;

	CaseReminderSender(ChatwootOutbox outbox) {
		this.outbox = outbox;
	}

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseReminderDue event) {
		outbox.enqueue(OutboundReply.text("case-reminder-" + event.caseId(), event.conversationId(), event.text(),
				event.sendBefore()));
	}

}
