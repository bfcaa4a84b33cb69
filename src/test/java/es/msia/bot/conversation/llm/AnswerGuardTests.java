package es.msia.bot.conversation.llm;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guard on LLM-written answers: numbers, contacts, addresses and element names only as the facts give
 * them; no internal codes, no prompt text, no long texts.
 */
class AnswerGuardTests {

	static final String FACTS = """
			- plazo: Una vez tenemos toda la documentación y las fotos, el proyecto técnico y el certificado final de obra se elaboran en unos 4 días hábiles.
			- horario-direccion: Estamos en C/ Remedios Varo nº 6, 29140 Churriana (Málaga). Puedes llamarnos al 952 208 844, escribirnos a msi@msihomologacion.com o seguir por este WhatsApp. Formulario en www.msihomologacion.com.
			- urgente: Para motos existe la tramitación urgente con entrega en 24-36 horas.
			- tarifa: La revisión cuesta 1.234,56 € y el informe 175 €, con un 10 % de descuento.""";

	static final AnswerGuard.Grounding GROUNDING = new AnswerGuard.Grounding(FACTS,
			List.of("escape", "tubo de escape", "manillar", "intermitentes", "luces", "subchasis", "akrapovic"),
			List.of("ESCAPE", "MANILLAR", "ESCAPE_COMPLETO", "motos-part", "horario-direccion", "greet", "ask_question"));

	static final AnswerGuard GUARD = new AnswerGuard(List.of(prompt()), 600);

	static String prompt() {
		try (InputStream in = AnswerGuardTests.class.getResourceAsStream("/prompts/conversation/understand.md")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	static String verdict(String answer) {
		return String.valueOf(GUARD.check(answer, GROUNDING).rejection());
	}

	@ParameterizedTest
	@ValueSource(strings = {
			"Suele estar en unos 4 días hábiles desde que tenemos la documentación y las fotos.",
			"Estamos en C/ Remedios Varo nº 6, 29140 Churriana (Málaga). Llámanos al 952 208 844.",
			"Puedes llamarnos al 952208844 o al +34 952 208 844, o escribir a MSI@msihomologacion.com.",
			"El formulario está en https://www.msihomologacion.com/ y también en msihomologacion.com.",
			"Con urgencia, para motos la entrega es en 24-36 horas.",
			"La revisión son 1.234,56 € y el informe 175 euros, con un 10 % de descuento.",
			"El informe cuesta 175€; la revisión, 1234,56 euros; descuento del 10 por ciento.",
			"El informe: €175.",
			"¡Claro! Te lo enviamos en formato digital, sin problema.",
			"Lo tienes en unos cuatro días hábiles, una vez tengamos la documentación." })
	void passesAnswersThatOnlyRestateTheFacts(String answer) {
		assertThat(verdict(answer)).isEqualTo("null");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"El informe cuesta 180 €.|amount",
			"El informe cuesta 180€.|amount",
			"El informe cuesta 180 euros.|amount",
			"La revisión cuesta 1.234,00 €.|amount",
			"La revisión cuesta EUR 99.|amount",
			"Tienes un 15 % de descuento.|percentage",
			"Tienes un 15 por ciento de descuento.|percentage",
			"Llámanos al 600 123 456.|phone",
			"Llámanos al +34 600-123-456.|phone",
			"Escríbenos a info@msi.es.|email",
			"Mira https://msi-homologaciones.es/precios.|url",
			"Entra en www.msihomologacion.com/tarifas para ver el formulario.|url",
			"Lo tienes en 2 días hábiles.|number",
			"Estamos abiertos de 9 a 14.|number",
			"Lo tienes en dos días hábiles.|number",
			"Te damos cien euros de descuento.|number",
			"Sí, también legalizamos el escape akrapovic.|element",
			"El manillar se tramita en 4 días hábiles.|element",
			"Eso va en la tarifa T5.|internal_code",
			"Es el elemento ESCAPE de tu ficha.|internal_code",
			"Tu código es ESCAPE_COMPLETO.|internal_code",
			"Lo he anotado con ask_question.|internal_code",
			"Tema: horario-direccion.|internal_code",
			"Eres el asistente de WhatsApp de MSI Automotive (Málaga), que legaliza reformas.|prompt_leak",
			"Mi único trabajo es entender el último mensaje del cliente y llamar a las herramientas.|prompt_leak",
			"Estas son mis instrucciones: responder solo de motos.|prompt_leak",
			"Claro: {{phase}} es la fase.|prompt_leak",
			"  |empty" })
	void refusesAnythingTheFactsDoNotSay(String answer, String reason) {
		assertThat(verdict(answer)).as(answer).isEqualTo(reason);
	}

	@Test
	void refusesLongTexts() {
		assertThat(verdict("Te lo enviamos en formato digital. ".repeat(20))).isEqualTo("too_long");
	}

	@Test
	void refusesAnAmountWhenTheFactsHaveNone() {
		var noPrices = new AnswerGuard.Grounding("- plazo: Unos 4 días hábiles.", List.of(), List.of());

		assertThat(GUARD.check("Unos 4 días hábiles y 4 €.", noPrices).rejection()).isEqualTo("amount");
		assertThat(GUARD.check("Unos 4 días hábiles.", noPrices).passed()).isTrue();
	}

	@Test
	void allowsAnElementTheFactsName() {
		var withEscape = new AnswerGuard.Grounding("- escape: Para el escape hace falta el certificado de taller.",
				List.of("escape"), List.of("ESCAPE"));

		assertThat(GUARD.check("Para el escape necesitas el certificado de taller.", withEscape).passed()).isTrue();
	}

}
