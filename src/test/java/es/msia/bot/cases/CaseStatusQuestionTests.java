package es.msia.bot.cases;

import java.util.ArrayList;
import java.util.List;

import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How customers ask about their own case, as they type on WhatsApp (no accents, «q», letters missing or
 * doubled), and what must never be taken for such a question: the answers a case asks for.
 */
class CaseStatusQuestionTests {

	@ParameterizedTest
	@ValueSource(strings = { "¿Cómo va mi expediente?", "como va mi expediente", "Cómo va mi expdiente?",
			"komo va mi espediente", "como ba mi expedienteee", "Hola, ¿cómo va lo mío?", "¿En qué estado está lo mío?",
			"en q estado esta lo mio", "¿En qué estado está mi expediente MSI-2026-000012?", "que tal va el tramite?",
			"¿Hay novedades de mi expediente?", "alguna novedad?", "novedades?", "sabeis algo de lo mio?",
			"¿Cuánto falta para que esté mi homologación?", "¿para cuándo estará lo de la moto?",
			"el expediente ya esta listo?", "como va la legalizacion", "¿En qué punto está el trámite?",
			"como lleváis lo mío", "¿Qué tal va todo?" })
	void recognisesQuestionsAboutHowTheCaseIsGoing(String text) {
		assertThat(CaseStatusQuestion.asks(text)).as(text).isTrue();
		assertThat(CaseStatusQuestion.topic(text)).as(text).isEqualTo(CaseStatusQuestion.Topic.STATUS);
	}

	@ParameterizedTest
	@ValueSource(strings = { "¿Qué os falta?", "que os falta", "q os falta?", "k te falta??", "¿Qué me falta por enviar?",
			"¿Os falta algo?", "falta algo?", "¿Qué más necesitáis?", "que mas necesitais", "¿Me falta algo por mandar?",
			"¿qué más os hace falta?" })
	void recognisesQuestionsAboutWhatIsMissing(String text) {
		assertThat(CaseStatusQuestion.asks(text)).as(text).isTrue();
		assertThat(CaseStatusQuestion.topic(text)).as(text).isEqualTo(CaseStatusQuestion.Topic.MISSING);
	}

	@ParameterizedTest
	@ValueSource(strings = { "¿Habéis recibido las fotos?", "habeis recibido las fotos", "abeis recibido la foto?",
			"¿Has recibido el PDF?", "¿Os han llegado los documentos?", "os llegaron las fotos?", "¿te ha llegado la ficha?",
			"habeis recivido las fotos?", "las recibisteis bien?" })
	void recognisesQuestionsAboutWhatArrived(String text) {
		assertThat(CaseStatusQuestion.asks(text)).as(text).isTrue();
		assertThat(CaseStatusQuestion.topic(text)).as(text).isEqualTo(CaseStatusQuestion.Topic.RECEIVED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "¿Cuándo paso la ITV?", "cuando paso la itv", "cuado paso la itv??", "¿cuándo puedo pasar la ITV?",
			"Y la ITV para cuándo?", "¿Ya puedo ir a la ITV?", "¿Qué día tengo la cita de la ITV?", "cdo paso la itb" })
	void recognisesQuestionsAboutTheItv(String text) {
		assertThat(CaseStatusQuestion.asks(text)).as(text).isTrue();
		assertThat(CaseStatusQuestion.topic(text)).as(text).isEqualTo(CaseStatusQuestion.Topic.ITV);
	}

	@ParameterizedTest
	@ValueSource(strings = { "Akrapovic Racing Line", "ITV Málaga - Guadalhorce", "ITV Sevilla Norte, 41701", "sí", "no",
			"listo", "ya te las he enviado", "ya está", "12345678Z", "1234 LMN", "María López, 12345678Z, maria@example.com",
			"Calle Larios 5, 2º B, Málaga", "la altura que queda es de 1150 mm", "lo que falta es la ficha, te la mando luego",
			"me falta la ficha técnica, la tengo en casa", "no hace falta", "no aplica", "el estado es bueno",
			"¿Dónde está la ITV más cercana?", "¿Cuánto tarda la homologación?", "¿Cómo os envío la ficha técnica?",
			"¿puedo pagar con tarjeta?", "hola, ¿qué tal?", "quiero legalizar el escape", "vale, adelante",
			"me ha llegado la ficha técnica hoy", "Talleres Pérez SL, B12345674", "¿Qué fotos necesitas del escape?",
			"¿tiene que estar homologado?", "Dometic, FreshJet 2200, sí", "3150 mm", "cancelar" })
	void doesNotTakeCaseAnswersOrOtherQuestionsForIt(String text) {
		assertThat(CaseStatusQuestion.asks(text)).as(text).isFalse();
	}

	/** Every example value of the catalogue's fields, alone and as the simulated customers phrase them. */
	@Test
	void noExampleValueOfTheCatalogueIsTakenForIt() {
		List<String> examples = new ArrayList<>();
		var catalog = Catalogs.current();
		List<FieldSpec> fields = new ArrayList<>(catalog.caseData().personal());
		fields.addAll(catalog.caseData().vehicle());
		fields.addAll(catalog.caseData().workshop().ownWorkshopFields());
		for (CategoryDefinition category : catalog.categories()) {
			for (ElementDefinition element : category.elements()) {
				fields.addAll(element.requiredFields());
			}
		}
		for (FieldSpec field : fields) {
			if (field.example() != null) {
				examples.add(field.example());
				examples.add("el dato es " + field.example());
			}
			field.options().forEach(examples::add);
		}
		assertThat(examples).hasSizeGreaterThan(20);
		assertThat(examples.stream().filter(CaseStatusQuestion::asks).toList()).isEmpty();
	}

}
