package es.msia.bot.catalog.web;

import java.util.List;

import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.ClientType;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.NoTariff;
import es.msia.bot.catalog.PendingVariantQuestion;
import es.msia.bot.catalog.Quote;
import es.msia.bot.catalog.QuoteOutcome;
import es.msia.bot.catalog.TextQuote;
import es.msia.bot.catalog.UmbrellaNotResolved;
import es.msia.bot.catalog.VariantOption;
import es.msia.bot.catalog.VehicleType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Presupuestos", description = "Precio exacto de una homologación, calculado con el catálogo vigente")
class QuotesController {

	private final Catalog catalog;

	QuotesController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PostMapping("/api/quotes")
	@Operation(summary = "Presupuesta un mensaje de cliente ('text') o una lista de códigos ('elements')",
			description = "El campo 'outcome' indica el resultado: quote, questions (preguntas de variante pendientes), "
					+ "unknown_terms (reformas que el catálogo no conoce), nothing_recognised o no_tariff.")
	QuoteResponse quote(@Valid @RequestBody QuoteRequest request) {
		boolean hasText = request.text() != null && !request.text().isBlank();
		boolean hasCodes = request.elements() != null && !request.elements().isEmpty();
		if (hasText == hasCodes) {
			throw new BadQuoteRequest("Give exactly one of 'text' or 'elements'");
		}
		ClientType client = parse(() -> ClientType.fromCode(request.clientType()));
		VehicleType vehicle = (request.vehicleType() == null) ? null
				: parse(() -> VehicleType.fromCode(request.vehicleType()));
		return hasText ? fromText(this.catalog.quoteText(client, vehicle, request.text()))
				: fromCodes(client, vehicle, request.elements());
	}

	private QuoteResponse fromText(TextQuote result) {
		String version = (result.outcome() instanceof Quote quote) ? quote.catalogVersion() : this.catalog.version();
		switch (result.status()) {
			case QUOTE:
				return QuoteResponse.quote((Quote) result.outcome());
			case NO_TARIFF:
				return noTariff((NoTariff) result.outcome(), version);
			case QUESTIONS:
				return new QuoteResponse("questions", version, result.categorySlug(), null,
						result.match().pendingQuestions(), null, result.match().items(), result.match().excludedCodes(),
						null);
			case UNKNOWN_TERMS:
				return new QuoteResponse("unknown_terms", version, result.categorySlug(), null, null,
						result.match().unknownTerms(), result.match().items(), result.match().excludedCodes(), null);
			default:
				return new QuoteResponse("nothing_recognised", version, result.categorySlug(), null, null, null,
						List.of(), result.match().excludedCodes(), null);
		}
	}

	private QuoteResponse fromCodes(ClientType client, @Nullable VehicleType vehicle, List<String> codes) {
		try {
			QuoteOutcome outcome = this.catalog.quoteCodes(client, vehicle, codes);
			if (outcome instanceof Quote quote) {
				return QuoteResponse.quote(quote);
			}
			return noTariff((NoTariff) outcome, this.catalog.version());
		}
		catch (UmbrellaNotResolved ex) {
			VehicleType v = (vehicle != null) ? vehicle : Catalog.defaultVehicle(client);
			String slug = this.catalog.categories().stream().filter((c) -> c.serves(client, v)).findFirst()
				.orElseThrow().slug();
			ElementDefinition umbrella = this.catalog.category(slug).orElseThrow().element(ex.umbrellaCode()).orElseThrow();
			PendingVariantQuestion question = new PendingVariantQuestion(umbrella.code(), umbrella.nameEs(),
					String.valueOf(umbrella.variantQuestionEs()),
					umbrella.variants().stream().map((x) -> new VariantOption(x.code(), x.nameEs())).toList(),
					umbrella.code(), 0);
			return new QuoteResponse("questions", this.catalog.version(), slug, null, List.of(question), null, null,
					null, null);
		}
	}

	private static QuoteResponse noTariff(NoTariff noTariff, String version) {
		return new QuoteResponse("no_tariff", version, null, null, null, null, null, null, noTariff.reasonEs());
	}

	private static <T> T parse(java.util.function.Supplier<T> parser) {
		try {
			return parser.get();
		}
		catch (IllegalArgumentException ex) {
			throw new BadQuoteRequest(ex.getMessage());
		}
	}

}
