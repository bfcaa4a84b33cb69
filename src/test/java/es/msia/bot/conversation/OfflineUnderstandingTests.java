package es.msia.bot.conversation;

import java.util.List;

import es.msia.bot.catalog.Catalogs;
import es.msia.bot.catalog.ElementMatcher;
import es.msia.bot.catalog.VehicleType;
import es.msia.bot.conversation.command.AgentCommand;
import es.msia.bot.conversation.command.AgentCommand.*;
import es.msia.bot.conversation.flow.Phase;
import es.msia.bot.conversation.understanding.OfflineUnderstanding;
import es.msia.bot.conversation.understanding.UnderstandingContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineUnderstandingTests {

	static final OfflineUnderstanding understanding = new OfflineUnderstanding(new ElementMatcher(Catalogs.current()));

	static final UnderstandingContext QUOTED = new UnderstandingContext(Phase.QUOTED, "motos-part", List.of(),
			List.of("ESCAPE", "MANILLAR"));

	static final UnderstandingContext FRESH = new UnderstandingContext(Phase.COLLECTING_ELEMENTS, "motos-part",
			List.of(), List.of());

	@ParameterizedTest
	@ValueSource(strings = { "vale", "dale", "sí, adelante", "ok 👍", "Si", "perfecto", "de acuerdo", "venga, adelante",
			"Sí por favor", "ok", "por favor", "porfa" })
	void understandsTheUsualWaysOfSayingYes(String text) {
		assertThat(understanding.understand(QUOTED, text)).containsExactly(new Affirm());
	}

	@ParameterizedTest
	@ValueSource(strings = { "no gracias", "No", "de momento no", "mejor no", "me lo pienso" })
	void understandsTheUsualWaysOfSayingNo(String text) {
		assertThat(understanding.understand(QUOTED, text)).containsExactly(new Deny());
	}

	@ParameterizedTest
	@ValueSource(strings = { "prefiero hablar con una persona", "¿me puede llamar alguien?", "quiero hablar con un humano",
			"pásame con un asesor", "que me llame alguien del equipo" })
	void understandsRequestsForAPerson(String text) {
		assertThat(understanding.understand(FRESH, text)).containsExactly(new RequestHuman());
	}

	@ParameterizedTest
	@ValueSource(strings = { "prefiero hablar con una persona", "¿me puede llamar alguien?", "quiero hablar con un humano",
			"pásame con un asesor", "que me llame alguien del equipo" })
	void understandsRequestsForAPersonDuringACase(String text) {
		assertThat(understanding.understand(COLLECTING_CASE, text)).containsExactly(new RequestHuman());
	}

	@ParameterizedTest
	@ValueSource(strings = { "Talleres Comercial Sur, persona responsable Antonio Ruiz", "Agente: Juan Pérez",
			"el asesor fiscal de la empresa, Calle Larios 3" })
	void caseDataNamingAPersonIsNotARequestForOne(String text) {
		assertThat(understanding.understand(COLLECTING_CASE, text)).doesNotContain(new RequestHuman());
	}

	static final UnderstandingContext COLLECTING_CASE = new UnderstandingContext(Phase.COLLECTING_CASE, "motos-part",
			List.of(), List.of("ESCAPE"));

	@Test
	void findsElementsAlongsideAGreeting() {
		List<AgentCommand> commands = understanding.understand(FRESH, "Hola! quiero homologar el escape y el manillar");

		assertThat(commands).hasSize(2).first().isEqualTo(new Greet());
		assertThat(commands.get(1)).isInstanceOfSatisfying(MentionElements.class,
				m -> assertThat(m.itemCodes()).containsExactlyInAnyOrder("ESCAPE", "MANILLAR"));
	}

	@Test
	void asksForTheVariantOfAnUmbrellaElement() {
		MentionElements mention = (MentionElements) understanding.understand(FRESH, "he cambiado la suspensión").get(0);

		assertThat(mention.itemCodes()).isEmpty();
		assertThat(mention.questions()).extracting(q -> q.umbrellaCode()).containsExactly("SUSPENSION");
	}

	@Test
	void resolvesTheAnswerToAPendingVariantQuestion() {
		UnderstandingContext waiting = new UnderstandingContext(Phase.AWAITING_VARIANTS, "motos-part",
				List.of("SUSPENSION"), List.of());

		assertThat(understanding.understand(waiting, "la trasera"))
			.contains(new AnswerVariant("SUSPENSION", List.of("SUSPENSION_TRAS")));
	}

	@Test
	void removesAndAddsElementsOfAQuote() {
		assertThat(understanding.understand(QUOTED, "quita el escape")).containsExactly(new RemoveElements(List.of("ESCAPE")));
		assertThat(understanding.understand(QUOTED, "y también los retrovisores")).singleElement()
			.isInstanceOfSatisfying(MentionElements.class, m -> assertThat(m.itemCodes()).containsExactly("ESPEJOS"));
	}

	@Test
	void recognisesVehiclesWithoutTariffAndExampleRequests() {
		assertThat(understanding.understand(FRESH, "es para mi coche, le he puesto un escape"))
			.contains(new MentionVehicle(VehicleType.COCHE));
		assertThat(understanding.understand(QUOTED, "¿me mandas fotos de ejemplo?")).contains(new RequestExamples());
	}

	@Test
	void treatsOtherQuestionsAsQuestionsAndNoiseAsUnknown() {
		assertThat(understanding.understand(QUOTED, "¿Cuánto tardáis en tenerlo?")).singleElement()
			.isInstanceOf(AskQuestion.class);
		assertThat(understanding.understand(FRESH, "asdf qwer")).singleElement().isInstanceOf(Unknown.class);
		assertThat(understanding.understand(QUOTED, "muchas gracias")).containsExactly(new Thank());
		assertThat(understanding.understand(QUOTED, "olvídalo")).containsExactly(new Cancel());
	}

}
