package es.msia.bot.notifications;

/**
 * What a notice may say about its case, every value ready to print (never null: a missing one is a dash,
 * as WhatsApp refuses empty template parameters).
 *
 * @param fileKind {@code una foto} or {@code un documento}
 */
record NoticeFacts(String customerName, String reference, String item, String reason, String fileKind,
		String nextQuestion) {

	static NoticeFacts of(String customerName, String reference) {
		return new NoticeFacts(customerName, reference, "-", "-", "-", "");
	}

	NoticeFacts withFile(String item, String reason, String fileKind) {
		return new NoticeFacts(customerName, reference, item, reason, fileKind, nextQuestion);
	}

	NoticeFacts withNextQuestion(String question) {
		return new NoticeFacts(customerName, reference, item, reason, fileKind, question);
	}

}
