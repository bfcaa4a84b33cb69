package es.msia.bot.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PhoneNumberTests {

	@Test
	void normalisesWhatsAppIdsAndSpacedNumbers() {
		assertThat(PhoneNumber.parse("34612345678")).contains(new PhoneNumber("+34612345678"));
		assertThat(PhoneNumber.parse("+34 612 34 56 78")).contains(new PhoneNumber("+34612345678"));
		assertThat(PhoneNumber.parse("0034-612.345.678")).contains(new PhoneNumber("+34612345678"));
	}

	@Test
	void rejectsWhatIsNotAPhoneNumber() {
		assertThat(PhoneNumber.parse("hola")).isEmpty();
		assertThat(PhoneNumber.parse("+0612345678")).isEmpty();
		assertThat(PhoneNumber.parse("12")).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> new PhoneNumber("612345678"));
	}

}
