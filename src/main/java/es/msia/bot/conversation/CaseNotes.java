package es.msia.bot.conversation;

import java.util.ArrayList;
import java.util.List;

import es.msia.bot.cases.CaseSubmitted;
import es.msia.bot.chatwoot.ChatwootClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells staff in Chatwoot that a case is ready: a private note with the reference and the label
 * {@code expediente}. After the commit, so a rolled-back submission leaves no trace; best effort, since
 * the case is already in the staff queue in PostgreSQL.
 */
@Component
class CaseNotes {

	static final String LABEL = "expediente";

	private static final Logger log = LoggerFactory.getLogger(CaseNotes.class);

	private final ChatwootClient chatwoot;

	CaseNotes(ChatwootClient chatwoot) {
		this.chatwoot = chatwoot;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void on(CaseSubmitted event) {
		if (!chatwoot.configured()) {
			return;
		}
		ChatwootClient.Result note = chatwoot.privateNote(event.conversationId(),
				"📁 Expediente " + event.reference() + " completo y pendiente de revisión (panel: Expedientes).");
		ChatwootClient.Read<List<String>> labels = chatwoot.labels(event.conversationId());
		ChatwootClient.Result labelled = labels.ok() ? chatwoot.setLabels(event.conversationId(), withLabel(labels.value()))
				: labels.problem();
		if (!(note instanceof ChatwootClient.Sent) || !(labelled instanceof ChatwootClient.Sent)) {
			log.warn("Case {} submitted; Chatwoot note/label not confirmed: {} / {}", event.reference(), note, labelled);
		}
	}

	private static List<String> withLabel(List<String> current) {
		List<String> labels = new ArrayList<>(current);
		if (!labels.contains(LABEL)) {
			labels.add(LABEL);
		}
		return labels;
	}

}
