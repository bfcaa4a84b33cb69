package es.msia.bot.conversation.evals;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One scripted conversation of the eval suite ({@code src/test/resources/evals/conversations.jsonl}).
 *
 * @param client {@code particular} or {@code profesional}
 * @param vehicle the vehicle type code ({@code moto}, {@code autocaravana}, ...)
 */
record EvalCase(String name, String client, String vehicle, List<Turn> turns) {

	/** A customer message and what the reply to it must show. */
	record Turn(String say, Expect expect) {
	}

	/**
	 * Expected outcomes; null fields are not checked.
	 *
	 * @param tier quoted tier code in this turn's reply
	 * @param price the quoted tier price (ex-VAT), e.g. "175"
	 * @param variantQuestion whether a variant question is asked
	 * @param handoff whether the conversation is handed to a person
	 * @param noEuro the reply contains no euro amount
	 * @param faq whether the reply is a knowledge-base answer
	 * @param intent simple name of a reply intent that must be present
	 * @param replyContains text the reply must contain
	 * @param replies number of reply intents
	 */
	record Expect(@Nullable String tier, @Nullable String price, @Nullable Boolean variantQuestion,
			@Nullable Boolean handoff, @Nullable Boolean noEuro, @Nullable Boolean faq, @Nullable String intent,
			@Nullable String replyContains, @Nullable Integer replies) {
	}

}
