package es.msia.bot.conversation;

import es.msia.bot.cases.CaseFileRejected;
import es.msia.bot.cases.CaseReminderDue;
import es.msia.bot.chatwoot.ChatwootOutbox;
import es.msia.bot.chatwoot.OutboundReply;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends the messages a case starts on its own through the outbox, inside WhatsApp's 24-hour window: the
 * reminder (once per case; the idempotency key is the case) and the request for a replacement of a file
 * staff rejected (once per rejected file).
 */
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

	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
	void on(CaseFileRejected event) {
		outbox.enqueue(OutboundReply.text("case-file-rejected-" + event.fileId(), event.conversationId(), event.text(),
				event.sendBefore()));
	}

}
