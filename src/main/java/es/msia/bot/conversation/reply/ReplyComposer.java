package es.msia.bot.conversation.reply;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import es.msia.bot.catalog.AppliedSurcharge;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.VariantOption;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.flow.ReplyIntent.*;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Writes the Spanish WhatsApp reply for a turn's intents: plain text with WhatsApp's {@code *bold*}, no
 * Markdown tables. Amounts, elements, warnings and documents are inserted from the catalogue's values;
 * the templates ({@code messages/bot.properties}) contain none.
 */
public class ReplyComposer {

	private static final Locale SPAIN = Locale.forLanguageTag("es-ES");

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	public ReplyComposer() {
		texts.setBasename("messages/bot");
		texts.setDefaultEncoding("UTF-8");
		texts.setFallbackToSystemLocale(false);
	}

	/** The reply as WhatsApp messages (usually one), each within the length limit. */
	public List<String> compose(List<ReplyIntent> intents, String waitMessage) {
		return compose(intents, waitMessage, "");
	}

	/** As {@link #compose(List, String)}, with the case flow's text for a {@link ReplyIntent.CaseMessage} intent. */
	public List<String> compose(List<ReplyIntent> intents, String waitMessage, String caseReply) {
		List<String> paragraphs = new ArrayList<>();
		for (ReplyIntent intent : intents) {
			paragraphs.add(intent instanceof ReplyIntent.CaseMessage ? caseReply : paragraph(intent, waitMessage));
		}
		paragraphs.removeIf(String::isBlank);
		return WhatsAppText.split(String.join("\n\n", paragraphs));
	}

	private String paragraph(ReplyIntent intent, String waitMessage) {
		if (intent instanceof Greeting g) {
			return t(g.firstName() == null ? "greeting.anonymous" : "greeting.named", g.firstName());
		}
		if (intent instanceof VariantQuestions v) {
			return variantQuestions(v.questions());
		}
		if (intent instanceof UnknownTerms u) {
			return t(u.alongsideQuote() ? "unknown.alongside" : "unknown.alone", quoted(u.terms()));
		}
		if (intent instanceof QuoteGiven q) {
			return new QuoteText(this::t).render(q.quote(), q.updated());
		}
		if (intent instanceof HandoffNotice h) {
			// The wait message itself says who takes over and when; the intro only gives the reason.
			return (t("handoff." + h.cause().name().toLowerCase(Locale.ROOT)) + " " + waitMessage).strip();
		}
		if (intent instanceof ExamplesComing e) {
			return t(e.images() == 1 ? "examples.one" : "examples.many", e.images());
		}
		if (intent instanceof NoExamples n) {
			return t(n.nothingQuoted() ? "examples.nothingQuoted" : "examples.none");
		}
		if (intent instanceof NoTariff n) {
			return t("noTariff." + ("category".equals(n.reason()) ? "category" : "vehicle"));
		}
		if (intent instanceof FaqAnswer f) {
			return f.text();
		}
		if (intent instanceof MediaReceived m) {
			return t(m.voiceNote() ? "media.voiceNote" : m.quoted() ? "media.quoted" : "media.received");
		}
		if (intent instanceof NotUnderstood) {
			return t("notUnderstood");
		}
		if (intent instanceof VariantQuestionsAgain v) {
			return variantQuestionsAgain(v);
		}
		if (intent instanceof NotUnderstoodAgain n) {
			return notUnderstoodAgain(n);
		}
		return t(key(intent));
	}

	private static String key(ReplyIntent intent) {
		String simple = intent.getClass().getSimpleName();
		return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
	}

	private String variantQuestions(List<PendingVariantQuestion> questions) {
		List<String> lines = new ArrayList<>();
		lines.add(t(questions.size() == 1 ? "variants.intro.one" : "variants.intro.many"));
		for (PendingVariantQuestion q : questions) {
			String options = q.options().stream().map(VariantOption::nameEs).collect(Collectors.joining(" / "));
			lines.add("• *" + q.umbrellaNameEs() + "*: " + q.questionEs() + " (" + options + ")");
		}
		return String.join("\n", lines);
	}

	private String variantQuestionsAgain(VariantQuestionsAgain again) {
		// Understanding takes a bare number as an answer only when one question is open, so only then are
		// the options numbered.
		boolean one = again.questions().size() == 1;
		List<String> lines = new ArrayList<>();
		lines.add(t(one ? "variants.again.one" : "variants.again.many"));
		for (PendingVariantQuestion q : again.questions()) {
			lines.add("");
			lines.add("*" + q.umbrellaNameEs() + "*: " + q.questionEs());
			for (int i = 0; i < q.options().size(); i++) {
				lines.add((one ? (i + 1) + ". " : "• ") + q.options().get(i).nameEs());
			}
		}
		lines.add("");
		lines.add(t(one ? "variants.again.example.one" : "variants.again.example.many", again.exampleAnswer()));
		return String.join("\n", lines);
	}

	private String notUnderstoodAgain(NotUnderstoodAgain again) {
		String example = String.join(" y ", again.exampleElements());
		if (!again.selected().isEmpty()) {
			return t("notUnderstood.again.selected", String.join(", ", again.selected()),
					again.exampleElements().isEmpty() ? again.selected().get(0) : again.exampleElements().get(0),
					again.selected().get(0));
		}
		if (!again.unknownTerms().isEmpty()) {
			return t("notUnderstood.again.unknown", quoted(again.unknownTerms()), example);
		}
		return t("notUnderstood.again", example);
	}

	private static String quoted(List<String> terms) {
		return terms.stream().map(term -> "«" + term + "»").collect(Collectors.joining(", "));
	}

	String t(String key, Object... args) {
		return texts.getMessage(key, args, SPAIN);
	}

	/** Euros as Spaniards write them: 1.234,50 €. */
	static String euros(BigDecimal amount) {
		return String.format(SPAIN, "%,.2f €", amount);
	}

	static String surchargeLine(AppliedSurcharge surcharge, Texts texts) {
		return "• " + surcharge.nameEs() + ": " + euros(surcharge.amount()) + " + IVA"
				+ (surcharge.onRequest() ? " " + texts.t("quote.onRequest") : "");
	}

	/** Renders a quote; kept apart because it is the longest message the bot writes. */
	private static final class QuoteText {

		private final Texts texts;

		QuoteText(Texts texts) {
			this.texts = texts;
		}

		String render(Quote quote, boolean updated) {
			List<String> blocks = new ArrayList<>();
			blocks.add(texts.t(updated ? "quote.updated" : "quote.title", quote.tierNameEs()));
			blocks.add(quote.items().stream().map(i -> "• " + i.nameEs()).collect(Collectors.joining("\n")));
			// Every amount comes from the quote; the composer computes none (not even the VAT).
			String price = quote.surcharges().isEmpty()
					? texts.t("quote.price", euros(quote.subtotal()), euros(quote.totalWithVat()))
					: texts.t("quote.tierPrice", euros(quote.tierPrice()));
			// The tier explanation names internal tier codes; it is for staff (API, panel), not the customer.
			blocks.add(price);
			if (!quote.surcharges().isEmpty()) {
				blocks.add(texts.t("quote.surcharges") + "\n"
						+ quote.surcharges().stream().map(s -> surchargeLine(s, texts)).collect(Collectors.joining("\n"))
						+ "\n" + texts.t("quote.total", euros(quote.subtotal()), euros(quote.totalWithVat())));
			}
			if (!quote.warnings().isEmpty()) {
				blocks.add(texts.t("quote.warnings") + "\n"
						+ quote.warnings().stream().map(w -> "• " + w.textEs()).collect(Collectors.joining("\n")));
			}
			blocks.add(texts.t("quote.documents") + "\n"
					+ quote.baseDocuments().stream().map(d -> "• " + d.nameEs()).collect(Collectors.joining("\n")));
			if (!quote.photosEs().isEmpty()) {
				blocks.add(texts.t("quote.photos") + "\n"
						+ quote.photosEs().stream().map(p -> "• " + p).collect(Collectors.joining("\n")));
			}
			if (quote.partnerWorkshopCertificatePrice() != null) {
				blocks.add(texts.t("quote.workshop", euros(quote.partnerWorkshopCertificatePrice())));
			}
			blocks.add(texts.t("quote.next"));
			return String.join("\n\n", blocks);
		}

	}

	@FunctionalInterface
	interface Texts {

		String t(String key, Object... args);

	}

}
