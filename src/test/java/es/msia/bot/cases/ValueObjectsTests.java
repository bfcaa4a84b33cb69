package es.msia.bot.cases;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValueObjectsTests {

	@Test
	void acceptsDniWithRightLetterAfterNormalising() {
		assertThat(Nif.of(" 12.345.678-z ").value()).isEqualTo("12345678Z");
	}

	@Test
	void rejectsDniWithWrongLetter() {
		assertThatThrownBy(() -> Nif.of("12345678A")).isInstanceOf(InvalidValue.class)
			.extracting(e -> ((InvalidValue) e).reason()).isEqualTo("nif.letter");
	}

	@Test
	void checksNieLetterWithItsPrefixDigit() {
		assertThat(Nif.of("X1234567L").value()).isEqualTo("X1234567L");
		assertThat(Nif.of("Y1234567X").isCompany()).isFalse();
		assertThatThrownBy(() -> Nif.of("X1234567A")).isInstanceOf(InvalidValue.class);
	}

	@Test
	void checksCifControlCharacter() {
		assertThat(Nif.of("B12345674").isCompany()).isTrue();
		assertThat(Nif.of("P1234567D").value()).isEqualTo("P1234567D");
		assertThatThrownBy(() -> Nif.of("B12345675")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("nif.control");
		assertThatThrownBy(() -> Nif.of("hola")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("nif.format");
	}

	@Test
	void normalisesAndChecksEmails() {
		assertThat(EmailAddress.of(" Lucia@Example.COM ").value()).isEqualTo("lucia@example.com");
		assertThatThrownBy(() -> EmailAddress.of("lucia@example")).isInstanceOf(InvalidValue.class);
		assertThatThrownBy(() -> EmailAddress.of("lucia example.com")).isInstanceOf(InvalidValue.class);
	}

	@Test
	void checksPostcodeProvinceAndConsistency() {
		assertThat(PostalCode.of("29005", "Málaga").provinceName()).isEqualTo("Málaga");
		assertThat(PostalCode.of("07001").provinceName()).isEqualTo("Illes Balears");
		assertThatThrownBy(() -> PostalCode.of("53001")).extracting(e -> ((InvalidValue) e).reason())
			.isEqualTo("postcode.province");
		assertThatThrownBy(() -> PostalCode.of("2900")).extracting(e -> ((InvalidValue) e).reason())
			.isEqualTo("postcode.format");
		assertThatThrownBy(() -> PostalCode.of("28001", "malaga")).extracting(e -> ((InvalidValue) e).reason())
			.isEqualTo("postcode.mismatch");
	}

	@Test
	void acceptsCurrentOldProvincialAndMopedPlates() {
		assertThat(Plate.of("1234 lmn").value()).isEqualTo("1234LMN");
		assertThat(Plate.of("M-1234-AB").value()).isEqualTo("M1234AB");
		assertThat(Plate.of("MA 1234 A").value()).isEqualTo("MA1234A");
		assertThat(Plate.of("C 1234 BBB").value()).isEqualTo("C1234BBB");
	}

	@Test
	void rejectsPlateWithWrongFormat() {
		assertThatThrownBy(() -> Plate.of("1234 ABC")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("plate.vowels");
		assertThatThrownBy(() -> Plate.of("12 34")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("plate.format");
	}

	@Test
	void checksVinLengthAndForbiddenLetters() {
		assertThat(Vin.of("jyarm241000012345").value()).isEqualTo("JYARM241000012345");
		assertThatThrownBy(() -> Vin.of("JYARM24100001234")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("vin.length");
		assertThatThrownBy(() -> Vin.of("JYARM2410000I2345")).extracting(e -> ((InvalidValue) e).reason()).isEqualTo("vin.letters");
	}

	@Test
	void readsNumbersWithUnitsAndBounds() {
		assertThat(Measure.of("200 mm", null, null).text()).isEqualTo("200");
		assertThat(Measure.of("2,5", BigDecimal.ONE, BigDecimal.TEN).text()).isEqualTo("2.5");
		assertThat(Measure.of("1.150 mm", null, null).text()).isEqualTo("1150");
		assertThatThrownBy(() -> Measure.of("2019", BigDecimal.valueOf(1900), BigDecimal.valueOf(2010)))
			.extracting(e -> ((InvalidValue) e).reason()).isEqualTo("number.range");
		assertThatThrownBy(() -> Measure.of("mucho", null, null)).isInstanceOf(InvalidValue.class);
	}

	@Test
	void readsSpanishYesAndNo() {
		assertThat(SpanishBoolean.of("Sí")).isTrue();
		assertThat(SpanishBoolean.of("vale!")).isTrue();
		assertThat(SpanishBoolean.of("claro")).isTrue();
		assertThat(SpanishBoolean.of("no, no cambia")).isFalse();
		assertThat(SpanishBoolean.of("qué va")).isFalse();
		assertThatThrownBy(() -> SpanishBoolean.of("depende")).isInstanceOf(InvalidValue.class);
	}

	@Test
	void picksSelectOptionDespiteTypos() {
		List<String> options = List.of("Línea completa", "Colector", "Solo silencioso");
		assertThat(SelectOption.of("linea compelta", options)).isEqualTo("Línea completa");
		assertThat(SelectOption.of("colector", options)).isEqualTo("Colector");
		assertThat(SelectOption.of("solo", options)).isEqualTo("Solo silencioso");
		assertThat(SelectOption.of("malaga", PostalCode.PROVINCES)).isEqualTo("Málaga");
		assertThatThrownBy(() -> SelectOption.of("bicicleta", options)).isInstanceOf(InvalidValue.class);
	}

}
