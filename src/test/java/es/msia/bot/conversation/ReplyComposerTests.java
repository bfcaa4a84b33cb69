package es.msia.bot.conversation;

import java.util.List;

import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuoteEngine;
import es.msia.bot.conversation.flow.EscalationCause;
import es.msia.bot.conversation.flow.ReplyIntent;
import es.msia.bot.conversation.reply.ReplyComposer;
import es.msia.bot.conversation.reply.WhatsAppText;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyComposerTests {

	final ReplyComposer composer = new ReplyComposer();

	final QuoteEngine engine = new QuoteEngine(Catalogs.current());

	@Test
	void writesTheQuoteWithPriceExVatAndTheTotalFromTheQuote() {
		Quote quote = engine.quote("motos-part", List.of("ESCAPE", "MANILLAR"));

		String text = String.join("\n", composer.compose(List.of(new ReplyIntent.QuoteGiven(quote, false)), ""));

		assertThat(text).contains("*Precio: 175,00 € + IVA* (211,75 € con IVA)")
			.contains("Escape (línea completa)")
			.contains(quote.warnings().get(0).textEs())
			.contains(quote.baseDocuments().get(0).nameEs())
			.contains("85,00 € + IVA")
			.doesNotContain("T5")
			.doesNotContain("ESCAPE")
			.doesNotContain("|");
	}

	@Test
	void showsSurchargesAsSubjectToConfirmationWithTheTotal() {
		Quote quote = engine.quote("motos-part", List.of("NEUMATICOS_CON_ENSAYO"));

		String text = String.join("\n", composer.compose(List.of(new ReplyIntent.QuoteGiven(quote, false)), ""));

		assertThat(text).contains("*Precio de la tarifa: 410,00 € + IVA*")
			.contains("375,00 € + IVA (previa consulta")
			.contains("*Total: 835,00 € + IVA* (1.010,35 € con IVA)");
	}

	@Test
	void everyEuroAmountInAQuoteReplyComesFromTheQuote() {
		for (List<String> items : List.of(List.of("ESCAPE"), List.of("CARENADO", "ESPEJOS"), List.of("SUBCHASIS"))) {
			Quote quote = engine.quote("motos-part", items);
			String text = String.join("\n", composer.compose(List.of(new ReplyIntent.QuoteGiven(quote, false)), ""));
			List<String> allowed = java.util.stream.Stream
				.of(quote.tierPrice(), quote.subtotal(), quote.totalWithVat(), quote.partnerWorkshopCertificatePrice())
				.map(a -> String.format(java.util.Locale.forLanguageTag("es-ES"), "%,.2f €", a))
				.toList();
			java.util.regex.Matcher amounts = java.util.regex.Pattern.compile("[\\d.]+,\\d{2} €").matcher(text);
			while (amounts.find()) {
				assertThat(allowed).contains(amounts.group());
			}
		}
	}

	@Test
	void addsTheWaitMessageToAHandoffNotice() {
		List<String> reply = composer.compose(List.of(new ReplyIntent.HandoffNotice(EscalationCause.CUSTOMER_REQUEST)),
				"Te paso con un compañero. Te atenderemos el lunes a partir de las 9:00.");

		assertThat(reply).containsExactly("¡Claro! Te paso con un compañero. Te atenderemos el lunes a partir de las 9:00.");
	}

	@Test
	void splitsLongRepliesBetweenParagraphs() {
		String paragraph = "palabra ".repeat(180).trim();
		List<String> parts = WhatsAppText.split(String.join("\n\n", paragraph, paragraph, paragraph));

		assertThat(parts).hasSize(2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
		assertThat(String.join("\n\n", parts)).isEqualTo(String.join("\n\n", paragraph, paragraph, paragraph));
	}

}
