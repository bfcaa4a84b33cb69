package es.msia.bot.notifications;

import java.util.List;
import java.util.Map;

import es.msia.bot.chatwoot.WhatsAppTemplate;
import org.junit.jupiter.api.Test;

import static es.msia.bot.notifications.ParamSource.CASE_REFERENCE;
import static es.msia.bot.notifications.ParamSource.CUSTOMER_NAME;
import static es.msia.bot.notifications.ParamSource.ITEM;
import static es.msia.bot.notifications.ParamSource.REASON;
import static es.msia.bot.notifications.ParamSource.STATUS_TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeTemplateTests {

	static NoticeTemplate rejected(String body, List<ParamSource> params) {
		return new NoticeTemplate(NoticePurpose.FILE_REJECTED, true, "msia_archivo_rechazado", "es", "utility", params,
				body, "", "Tu expediente *{expediente}*: {archivo} de *{elemento}* no sirve: {motivo}.", null, null);
	}

	final NoticeFacts facts = NoticeFacts.of("Lucía Martín", "MSI-2026-000042")
		.withFile("Escape (línea completa)", "Está desenfocada,\nrepítela", "una foto");

	@Test
	void fillsTheNumberedParametersInTheOrderOfTheirSourcesAndTheFallbackWithTheSameValues() {
		NoticeTemplate entry = rejected("Hola {{1}}, tu expediente {{2}}: el archivo de {{3}} no sirve ({{4}}). {{1}}, respóndenos.",
				List.of(CUSTOMER_NAME, CASE_REFERENCE, ITEM, REASON));
		WhatsAppTemplate template = entry.whatsApp(facts);
		assertThat(template.category()).isEqualTo("UTILITY");
		// Meta refuses new lines in a parameter: folded to one space.
		assertThat(template.templateParams()).isEqualTo(Map.of("name", "msia_archivo_rechazado", "category", "UTILITY",
				"language", "es", "processed_params", Map.of("body", Map.of("1", "Lucía Martín", "2", "MSI-2026-000042",
						"3", "Escape (línea completa)", "4", "Está desenfocada, repítela"))));
		assertThat(template.fallback()).isEqualTo("Hola Lucía Martín, tu expediente MSI-2026-000042: el archivo de "
				+ "Escape (línea completa) no sirve (Está desenfocada, repítela). Lucía Martín, respóndenos.");
	}

	@Test
	void writesTheWindowTextWithItsPlaceholders() {
		NoticeTemplate entry = rejected("Hola {{1}}", List.of(CUSTOMER_NAME));
		assertThat(entry.windowText(facts)).isEqualTo("Tu expediente *MSI-2026-000042*: una foto de *Escape (línea completa)* "
				+ "no sirve: Está desenfocada,\nrepítela.");
	}

	@Test
	void theStatusTextFillsItsParameterAndPlaceholder() {
		NoticeTemplate entry = new NoticeTemplate(NoticePurpose.READY_FOR_ITV, true, "msia_estado_expediente", "es_ES",
				"UTILITY", List.of(CASE_REFERENCE, STATUS_TEXT), "Expediente {{1}}: {{2}}.", "ya puedes pasar la ITV",
				"Tu expediente {expediente}: {estado}.", null, null);
		assertThat(entry.whatsApp(facts).bodyParams()).containsExactly("MSI-2026-000042", "ya puedes pasar la ITV");
		assertThat(entry.windowText(facts)).isEqualTo("Tu expediente MSI-2026-000042: ya puedes pasar la ITV.");
	}

	@Test
	void refusesWhatWhatsAppWouldRefuse() {
		assertThatThrownBy(() -> rejected("Hola {{1}} y {{2}}", List.of(CUSTOMER_NAME)))
			.isInstanceOfSatisfying(InvalidNoticeTemplate.class, e -> assertThat(e.messageKey()).isEqualTo("notices.invalid.params"));
		assertThatThrownBy(() -> rejected("Hola {{2}}", List.of(CUSTOMER_NAME)))
			.isInstanceOfSatisfying(InvalidNoticeTemplate.class, e -> assertThat(e.messageKey()).isEqualTo("notices.invalid.params"));
		assertThatThrownBy(() -> new NoticeTemplate(NoticePurpose.REMINDER, true, "Recordatorio Expediente", "es", "UTILITY",
				List.of(), "Hola", "", "Hola", null, null))
			.isInstanceOfSatisfying(InvalidNoticeTemplate.class, e -> assertThat(e.messageKey()).isEqualTo("notices.invalid.name"));
		assertThatThrownBy(() -> new NoticeTemplate(NoticePurpose.REMINDER, true, "recordatorio", "spanish", "UTILITY",
				List.of(), "Hola", "", "Hola", null, null))
			.isInstanceOfSatisfying(InvalidNoticeTemplate.class, e -> assertThat(e.messageKey()).isEqualTo("notices.invalid.language"));
		assertThatThrownBy(() -> new NoticeTemplate(NoticePurpose.REMINDER, true, "recordatorio", "es", "AUTHENTICATION",
				List.of(), "Hola", "", "Hola", null, null))
			.isInstanceOfSatisfying(InvalidNoticeTemplate.class, e -> assertThat(e.messageKey()).isEqualTo("notices.invalid.category"));
		assertThatThrownBy(() -> ParamSource.parseList("customer_name, importe"))
			.isInstanceOf(InvalidNoticeTemplate.class);
	}

	@Test
	void anEmptyParameterBecomesADashBecauseMetaRefusesEmptyOnes() {
		NoticeTemplate entry = rejected("Motivo: {{1}}", List.of(REASON));
		assertThat(entry.whatsApp(NoticeFacts.of("Ana", "MSI-1").withFile("Escape", "  ", "una foto")).bodyParams())
			.containsExactly("-");
	}

}
