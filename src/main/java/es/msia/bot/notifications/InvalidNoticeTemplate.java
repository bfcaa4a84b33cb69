package es.msia.bot.notifications;

/** A registry entry staff tried to save that WhatsApp would refuse or the notifier could not fill. */
public class InvalidNoticeTemplate extends IllegalArgumentException {

	private final String messageKey;

	/** @param messageKey the panel's text explaining the problem ({@code messages.properties}) */
	public InvalidNoticeTemplate(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
