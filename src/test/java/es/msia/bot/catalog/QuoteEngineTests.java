package es.msia.bot.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuoteEngineTests {

	private static final CatalogDefinition CATALOG = Catalogs.current();

	private final QuoteEngine engine = new QuoteEngine(CATALOG);

	static Stream<CatalogExample> examples() {
		return CATALOG.examples().stream();
	}

	@ParameterizedTest(name = "{index}: {0}")
	@MethodSource("examples")
	void reproducesEveryWorkedExample(CatalogExample example) {
		Quote quote = this.engine.quote(example.category(), example.elements());

		assertThat(quote.tierCode()).isEqualTo(example.tier());
		assertThat(quote.tierPrice()).isEqualByComparingTo(example.price());
		assertThat(quote.surcharges()).extracting(AppliedSurcharge::code).containsExactlyElementsOf(example.surcharges());
		assertThat(quote.subtotal()).isEqualByComparingTo(example.total());
	}

	@Test
	void addsVatAtTwentyOnePercentWithScaleTwo() {
		Quote quote = this.engine.quote("motos-part", List.of("NEUMATICOS_CON_ENSAYO"));

		assertThat(quote.subtotal()).isEqualTo(new BigDecimal("835.00"));
		assertThat(quote.vatAmount()).isEqualTo(new BigDecimal("175.35"));
		assertThat(quote.totalWithVat()).isEqualTo(new BigDecimal("1010.35"));
		assertThat(quote.hasSurchargeOnRequest()).isTrue();
	}

	@Test
	void roundsVatHalfUp() {
		Quote quote = this.engine.quote("aseicars-prof", List.of("TOLDO_SIMPLE"));

		assertThat(quote.vatAmount()).isEqualTo(new BigDecimal("12.39"));
		assertThat(quote.totalWithVat()).isEqualTo(new BigDecimal("71.39"));
	}

	@Test
	void explainsTheTierWithCatalogueGroupNames() {
		Quote quote = this.engine.quote("motos-part", List.of("ESCAPE", "SUSPENSION_TRAS", "ESPEJOS"));

		assertThat(quote.explanationEs()).contains("T3")
			.contains("2 elementos de «Lista de la tarifa 4»")
			.contains("1 elemento de «Lista de la tarifa 3»");
	}

	@Test
	void collectsWarningsOfCategoryTierAndUmbrellaOnceEach() {
		Quote quote = this.engine.quote("motos-part", List.of("SUSPENSION_DEL", "SUSPENSION_TRAS", "SUBCHASIS"));

		List<String> codes = quote.warnings().stream().map(CatalogWarning::code).toList();
		assertThat(codes).startsWith("PRECIOS_SIN_IVA", "MARCADO_HOMOLOGACION", "URGENTE_DOCUMENTACION",
				"T1_CONSULTA_INGENIERO");
		assertThat(codes).contains("SUSPENSION_DEL_ALCANCE").doesNotContain("T2_VIABILIDAD_PLAZAS").doesNotHaveDuplicates();
	}

	@Test
	void asksForTheUmbrellaPhotosOfAVariant() {
		Quote quote = this.engine.quote("motos-part", List.of("SUSPENSION_TRAS"));
		ElementDefinition suspension = CATALOG.category("motos-part").orElseThrow().element("SUSPENSION").orElseThrow();

		assertThat(quote.photosEs()).containsExactlyElementsOf(suspension.photosEs());
		assertThat(quote.items()).singleElement().satisfies((item) -> {
			assertThat(item.umbrellaCode()).isEqualTo("SUSPENSION");
			assertThat(item.groupNameEs()).startsWith("Lista de la tarifa 3");
		});
	}

	@Test
	void offersExtrasAndThePartnerCertificateWithoutAddingThem() {
		Quote quote = this.engine.quote("motos-part", List.of("ESCAPE"));

		assertThat(quote.extrasOffered()).extracting(ExtraDefinition::code).contains("URGENTE");
		assertThat(quote.partnerWorkshopCertificatePrice()).isEqualTo(new BigDecimal("85.00"));
		assertThat(quote.subtotal()).isEqualTo(new BigDecimal("140.00"));
		assertThat(quote.baseDocuments()).isNotEmpty();
		assertThat(quote.catalogVersion()).isEqualTo("2026.1");
	}

	@Test
	void rejectsUmbrellaCodes() {
		assertThatThrownBy(() -> this.engine.quote("motos-part", List.of("ESCAPE", "INTERMITENTES")))
			.isInstanceOf(UmbrellaNotResolved.class)
			.hasMessageContaining("INTERMITENTES")
			.hasMessageContaining("INTERMITENTES_DEL");
	}

	@Test
	void rejectsUnknownCodesAndEmptySelections() {
		assertThatThrownBy(() -> this.engine.quote("motos-part", List.of("TURBO"))).isInstanceOf(QuoteNotPossible.class)
			.hasMessageContaining("TURBO");
		assertThatThrownBy(() -> this.engine.quote("motos-part", List.of())).isInstanceOf(QuoteNotPossible.class);
		assertThatThrownBy(() -> this.engine.quote("coches", List.of("ESCAPE"))).isInstanceOf(QuoteNotPossible.class);
	}

	@Test
	void choosesTheListFromClientAndVehicleType() {
		QuoteOutcome moto = this.engine.quote(ClientType.PARTICULAR, VehicleType.MOTO, List.of("ESCAPE"));
		QuoteOutcome motorhome = this.engine.quote(ClientType.PROFESIONAL, VehicleType.AUTOCARAVANA, List.of("TOLDO_SIMPLE"));

		assertThat(moto).isInstanceOfSatisfying(Quote.class, (q) -> assertThat(q.categorySlug()).isEqualTo("motos-part"));
		assertThat(motorhome).isInstanceOfSatisfying(Quote.class,
				(q) -> assertThat(q.categorySlug()).isEqualTo("aseicars-prof"));
	}

	@Test
	void refersToAPersonWhenThereIsNoTariff() {
		assertThat(this.engine.quote(ClientType.PARTICULAR, VehicleType.COCHE, List.of("ESCAPE"))).isInstanceOf(NoTariff.class);
		assertThat(this.engine.quote(ClientType.PARTICULAR, VehicleType.AUTOCARAVANA, List.of("TOLDO_SIMPLE")))
			.isInstanceOfSatisfying(NoTariff.class, (n) -> assertThat(n.reasonEs()).contains("autocaravana"));
		assertThat(this.engine.quote(ClientType.PROFESIONAL, VehicleType.MOTO, List.of("ESCAPE"))).isInstanceOf(NoTariff.class);
	}

	@Test
	void neverLowersTheTotalWhenAnItemIsAdded() {
		forRandomSelections((category, items, random) -> {
			List<String> codes = countableCodes(category);
			List<String> bigger = new ArrayList<>(items);
			bigger.add(codes.get(random.nextInt(codes.size())));
			assertThat(total(category.slug(), bigger)).isGreaterThanOrEqualTo(total(category.slug(), items));
		});
	}

	@Test
	void doesNotDependOnItemOrder() {
		forRandomSelections((category, items, random) -> {
			List<String> shuffled = new ArrayList<>(items);
			Collections.shuffle(shuffled, random);
			assertThat(this.engine.quote(category.slug(), shuffled)).isEqualTo(this.engine.quote(category.slug(), items));
		});
	}

	@Test
	void givesEverySelectionATierOfItsCategory() {
		forRandomSelections((category, items, random) -> {
			Quote quote = this.engine.quote(category.slug(), items);
			assertThat(CATALOG.category(quote.categorySlug()).orElseThrow().tiers()).extracting("code").contains(quote.tierCode());
			assertThat(quote.totalWithVat()).isGreaterThan(quote.subtotal());
		});
	}

	private interface SelectionCheck {

		void check(CategoryDefinition category, List<String> selection, Random random);

	}

	// 2 000 random non-empty subsets per category with a fixed seed: reproducible, no extra library.
	private void forRandomSelections(SelectionCheck check) {
		Random random = new Random(20260101L);
		for (CategoryDefinition category : CATALOG.categories()) {
			List<String> codes = countableCodes(category);
			for (int run = 0; run < 2000; run++) {
				List<String> selection = new ArrayList<>();
				int size = 1 + random.nextInt(8);
				for (int i = 0; i < size; i++) {
					selection.add(codes.get(random.nextInt(codes.size())));
				}
				check.check(category, selection, random);
			}
		}
	}

	private static List<String> countableCodes(CategoryDefinition category) {
		List<String> codes = new ArrayList<>();
		for (ElementDefinition element : category.elements()) {
			if (element.isUmbrella()) {
				element.variants().forEach((v) -> codes.add(v.code()));
			}
			else {
				codes.add(element.code());
			}
		}
		return codes;
	}

	private BigDecimal total(String slug, List<String> items) {
		return this.engine.quote(slug, items).totalWithVat();
	}

}
