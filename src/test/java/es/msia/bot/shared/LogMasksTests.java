package es.msia.bot.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogMasksTests {

	@Test
	void masksPhonesDnisAndEmailsButKeepsIds() {
		String masked = LogMasks.text("duplicate key (phone)=(+34612345678) nif 12345678Z nie X1234567L "
				+ "mail ana.perez@example.com conversation 18358083403 message 42");

		assertThat(masked).doesNotContain("612345", "12345678Z", "X1234567L", "ana.perez")
			.contains("***678", "********Z", "********L", "***@example.com");
		assertThat(masked).contains("conversation 18358083403 message 42");
		assertThat(LogMasks.text("llamar al 612 345 678 o 0034612345678")).isEqualTo("llamar al ***678 o ***678");
		assertThat(LogMasks.text(null)).isNull();
		assertThat(LogMasks.phone("+34612345678")).isEqualTo("***678");
	}

}
