package es.msia.bot.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import es.msia.bot.handoff.BusinessSchedule;
import es.msia.bot.handoff.Handoffs;
import es.msia.bot.handoff.WaitTexts;
import es.msia.bot.messaging.BurstWindow;
import es.msia.bot.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base de conocimiento and Ajustes through the panel: an FAQ entry created and edited in the panel is what
 * the agent answers with at the next message; refused forms show the error next to the field; the burst
 * window, business hours and handoff texts stored in the panel are what their modules use at runtime.
 */
class KnowledgeAndSettingsIT extends IntegrationTest {

	static final String PASSWORD = "una-contraseña-larga";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	@Autowired
	BurstWindow burstWindow;

	@Autowired
	BusinessSchedule schedule;

	@Autowired
	WaitTexts waitTexts;

	@Autowired
	Handoffs handoffs;

	@AfterEach
	void backToDefaults() {
		// Other tests of this context rely on the configured window, hours and texts.
		burstWindow.reset();
		schedule.reset();
		waitTexts.reset();
	}

	@Test
	void anEditedFaqAnswerIsWhatTheAgentSaysNext() {
		PanelClient panel = admin();
		String word = "zorblax" + nextId();
		String key = "prueba-" + nextId();

		assertThat(panel.get("/knowledge").body()).contains("id=\"faq-plazo\"");
		panel.get("/knowledge/new");
		String refused = panel.post("/knowledge", "key=" + key + "&question=%C2%BFQu%C3%A9+es%3F&answer=&keywords=" + word
				+ "&active=true").body();
		assertThat(refused).contains("Escribe la respuesta").contains("is-invalid").contains("value=\"" + key + "\"");
		assertThat(panel.post("/knowledge", "key=Mal+Clave&question=q&answer=a&keywords=k&active=true").body())
			.contains("La clave debe tener");
		assertThat(panel.post("/knowledge", "key=plazo&question=q&answer=a&keywords=k&active=true").body())
			.contains("Ya existe una entrada con esa clave");
		assertThat(panel.post("/knowledge", "key=" + key + "&question=%C2%BFQu%C3%A9+es+el+" + word
				+ "%3F&answer=Primera+respuesta+del+" + word + ".&keywords=" + word.toUpperCase() + "%2C+otro+" + word
				+ "&active=true").statusCode()).isEqualTo(302);
		assertThat(panel.get("/knowledge").body()).contains("Entrada creada.").contains("id=\"faq-" + key + "\"");
		assertThat(jdbc.sql("SELECT array_to_string(keywords, '|') FROM faq_entries WHERE key = :k").param("k", key)
			.query(String.class).single()).isEqualTo(word + "|otro " + word);

		ChattingCustomer customer = new ChattingCustomer(chatwoot, ports.apiPort(), WEBHOOK_TOKEN, IntegrationTest::nextId);
		assertThat(customer.say(word, List.of())).contains("Primera respuesta del " + word);

		assertThat(panel.get("/knowledge/" + key).body()).contains("Primera respuesta del " + word).contains("readonly");
		assertThat(panel.post("/knowledge/" + key, "question=q&answer=Nueva&keywords=&active=true").body())
			.contains("Añade al menos una palabra clave");
		assertThat(panel.post("/knowledge/" + key, "question=%C2%BFQu%C3%A9+es%3F&answer=Respuesta+corregida+del+" + word
				+ ".&keywords=" + word + "&active=true").statusCode()).isEqualTo(302);
		assertThat(customer.say("y el " + word + "?", List.of())).contains("Respuesta corregida del " + word)
			.doesNotContain("Primera respuesta");

		panel.get("/knowledge");
		assertThat(panel.post("/knowledge/" + key + "/delete", "").statusCode()).isEqualTo(302);
		assertThat(panel.get("/knowledge").body()).contains("Entrada borrada.").doesNotContain("id=\"faq-" + key + "\"");
		assertThat(panel.get("/knowledge/" + key).statusCode()).isEqualTo(404);
	}

	@Test
	void theBurstWindowSetInThePanelIsTheOneInForce() {
		PanelClient panel = admin();
		assertThat(burstWindow.current()).isEqualTo(Duration.ofMillis(400));

		panel.get("/settings");
		panel.post("/settings/burst", "seconds=99");
		assertThat(panel.get("/settings").body()).contains("La ventana debe ser un número entero").contains("value=\"99\"");
		assertThat(burstWindow.current()).isEqualTo(Duration.ofMillis(400));

		panel.post("/settings/burst", "seconds=2");
		assertThat(burstWindow.current()).isEqualTo(Duration.ofSeconds(2));
		assertThat(panel.get("/settings").body()).contains("Ventana de agrupación guardada.").contains("value=\"2\"");

		panel.post("/settings/burst/reset", "");
		assertThat(burstWindow.current()).isEqualTo(Duration.ofMillis(400));
	}

	@Test
	void businessHoursAndHandoffTextsFromThePanelWordTheWaitMessage() {
		PanelClient panel = admin();
		String allDays = "days=MONDAY&days=TUESDAY&days=WEDNESDAY&days=THURSDAY&days=FRIDAY&days=SATURDAY&days=SUNDAY";
		panel.get("/settings");

		panel.post("/settings/hours", "slots=09:00-14:00");
		assertThat(panel.get("/settings").body()).contains("Marca al menos un día laborable");
		panel.post("/settings/hours", allDays + "&slots=14:00-09:00");
		assertThat(panel.get("/settings").body()).contains("Cada tramo debe ser HH:mm-HH:mm").contains("14:00-09:00");
		panel.post("/settings/hours", allDays + "&slots=00:00-23:59&holidays=mañana");
		assertThat(panel.get("/settings").body()).contains("Cada festivo debe ser una fecha");
		assertThat(schedule.override()).isEmpty();

		panel.post("/settings/hours", allDays + "&slots=00:00-23:59%0A");
		assertThat(panel.get("/settings").body()).contains("Horario guardado.").contains("id=\"hours-now\"");
		Instant noon = LocalDate.now(ZoneId.of("Europe/Madrid")).atTime(12, 0).atZone(ZoneId.of("Europe/Madrid")).toInstant();
		assertThat(handoffs.waitMessage(noon)).isEqualTo(waitTexts.defaults().open());

		panel.post("/settings/texts", "open=Te+atiende+Ana+ahora+mismo.&closed=Sin+marcadores+aqu%C3%AD.&unknown=Ya+te+diremos+algo.");
		assertThat(panel.get("/settings").body()).contains("debe incluir {0} y {1}").contains("Sin marcadores aquí.");
		panel.post("/settings/texts",
				"open=Te+atiende+Ana+ahora+mismo.&closed=Volvemos+{0}+a+las+{1}%2C+de+verdad.&unknown=Ya+te+diremos+algo.");
		assertThat(handoffs.waitMessage(noon)).isEqualTo("Te atiende Ana ahora mismo.");

		LocalDate today = LocalDate.now(ZoneId.of("Europe/Madrid"));
		panel.get("/settings");
		panel.post("/settings/hours", allDays + "&slots=09:00-14:00&holidays=" + today);
		assertThat(handoffs.waitMessage(noon)).isEqualTo("Volvemos mañana a las 9:00, de verdad.");
		assertThat(schedule.current().holidays()).containsExactly(today);

		panel.post("/settings/texts/reset", "");
		assertThat(handoffs.waitMessage(noon)).startsWith("Te paso con un compañero").contains("mañana a partir de las 9:00");
	}

	private PanelClient admin() {
		String name = "admin-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, 'admin')")
			.param("u", name).param("h", encoder.encode(PASSWORD)).update();
		PanelClient panel = new PanelClient(ports.adminPort());
		panel.login(name, PASSWORD);
		return panel;
	}

}
