package es.msia.bot.admin;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The simulator's files over HTTP, as a logged-in staff member: a case opened in the simulated chat gets an
 * uploaded photo and a catalogue example image, both downloaded by case intake through the webhook's
 * {@code data_url} like a Chatwoot attachment, stored, answered and visible to staff; the example image the
 * bot sends shows in the chat. And the edges: login and CSRF, oversize and wrong types, and the hand-over link
 * that answers only with its live token on the API port.
 */
class SimulatorFilesIT extends PanelTest {

	static final String SAMPLE = "Motos/09_Matricula/emplazamientoMatricula.png";

	static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/simulator/files/([A-Za-z0-9_-]{43})");

	@Test
	void staffWalkACaseSendingAnUploadedPhotoAndAnExampleImage() throws IOException {
		// The fake Chatwoot is "localhost": the downloader reaches 127.0.0.1 only because it trusts the link.
		assertThat(chatwoot.url()).doesNotContain("127.0.0.1");
		PanelClient panel = panel();
		panel.login(user("staff"), PASSWORD);
		long conversation = start(panel);

		say(panel, conversation, "quiero legalizar la matrícula");
		assertThat(say(panel, conversation, "¿me mandas fotos de ejemplo?")).contains("Te envío");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> panel.getHtmx("/simulator/chat").body().contains("src=\"/simulator/samples/" + SAMPLE + "\""));
		HttpResponse<byte[]> shown = panel.getBytes("/simulator/samples/" + SAMPLE);
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).isEqualTo(resource(SAMPLE));
		assertThat(say(panel, conversation, "vale, adelante")).contains("Abro tu expediente");
		long caseId = jdbc.sql("SELECT id FROM cases WHERE conversation_id = :c").param("c", conversation)
			.query(Long.class).single();

		byte[] photo = photo();
		int before = botLines(conversation).size();
		panel.get("/simulator");
		HttpResponse<String> uploaded = panel.postFile("/simulator/upload", Map.of("caption", ""), "file", "trasera.jpg",
				"image/jpeg", photo, true);
		assertThat(uploaded.statusCode()).isEqualTo(200);
		assertThat(uploaded.body()).contains("id=\"sent-files\"").contains("trasera.jpg").doesNotContain("<nav");
		String afterPhoto = replyAfter(conversation, before);
		assertThat(files(caseId)).hasSize(1);
		assertThat(afterPhoto).contains("Recib");
		assertThat(panel.getHtmx("/simulator/chat").body()).contains("(archivo adjunto, sin texto)");

		before = botLines(conversation).size();
		HttpResponse<String> sample = panel.postHtmx("/simulator/sample", "path=" + PanelClient.enc(SAMPLE) + "&caption=la+lateral");
		assertThat(sample.statusCode()).isEqualTo(200);
		assertThat(sample.body()).contains("emplazamientoMatricula.png");
		String afterSample = replyAfter(conversation, before);
		assertThat(afterSample).isNotBlank();
		Files.createDirectories(Path.of("target", "transcripts"));
		Files.writeString(Path.of("target", "transcripts", "simulator-files.md"), String.join("\n\n",
				"# Simulator files: replies to the uploaded photo and to the example image",
				"## After the uploaded photo", afterPhoto, "## After the example image", afterSample) + "\n");

		List<Map<String, Object>> stored = files(caseId);
		assertThat(stored).hasSize(2);
		assertThat(stored.get(0)).containsEntry("sha256", sha256(photo)).containsEntry("media_type", "image/jpeg");
		assertThat(stored.get(1)).containsEntry("sha256", sha256(resource(SAMPLE))).containsEntry("media_type", "image/png");
		assertThat(stored).allSatisfy(f -> assertThat((String) f.get("slot")).startsWith("item:"));
		HttpResponse<byte[]> staffView = panel.getBytes("/cases/" + caseId + "/files/" + stored.get(0).get("id"));
		assertThat(staffView.statusCode()).isEqualTo(200);
		assertThat(staffView.body()).isEqualTo(photo);

		// The webhook carried the files as Chatwoot would: an image attachment whose data_url is the hand-over link.
		List<String> attachments = jdbc.sql("""
				SELECT attachments::text FROM messages
				WHERE conversation_id = :c AND direction = 'inbound' AND attachments <> '[]'::jsonb ORDER BY id""")
			.param("c", conversation).query(String.class).list();
		assertThat(attachments).hasSize(2).allSatisfy(a -> assertThat(a).contains("\"image\"").containsPattern(LINK));
		assertThat(jdbc.sql("SELECT content FROM messages WHERE conversation_id = :c AND direction = 'inbound' ORDER BY id DESC LIMIT 1")
			.param("c", conversation).query(String.class).single()).isEqualTo("la lateral");
	}

	@Test
	void theUploadNeedsLoginAndCsrfAndRefusesOversizeAndWrongTypes() throws IOException {
		PanelClient anonymous = panel();
		anonymous.get("/login");
		HttpResponse<String> notLoggedIn = anonymous.postFile("/simulator/upload", Map.of(), "file", "a.jpg", "image/jpeg",
				photo(), true);
		assertThat(notLoggedIn.statusCode()).isEqualTo(302);
		assertThat(notLoggedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login"));

		PanelClient panel = panel();
		panel.login(user("staff"), PASSWORD);
		long conversation = start(panel);
		panel.get("/simulator");

		assertThat(panel.postFile("/simulator/upload", Map.of(), "file", "a.jpg", "image/jpeg", photo(), false).statusCode())
			.isEqualTo(403);

		byte[] huge = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 5 * 1024 * 1024 + 1024);
		assertThat(panel.postFile("/simulator/upload", Map.of(), "file", "big.jpg", "image/jpeg", huge, true).statusCode())
			.isEqualTo(413);

		HttpResponse<String> text = panel.postFile("/simulator/upload", Map.of(), "file", "nota.jpg", "image/jpeg",
				"esto no es una foto".getBytes(), true);
		assertThat(text.statusCode()).isEqualTo(415);
		assertThat(text.body()).contains("Solo se pueden enviar fotos").contains("id=\"transcript\"");

		HttpResponse<String> disguised = panel.postFile("/simulator/upload", Map.of(), "file", "doc.png", "image/png",
				"%PDF-1.4\n%fake\n".getBytes(), true);
		assertThat(disguised.statusCode()).isEqualTo(415);

		HttpResponse<String> gif = panel.postFile("/simulator/upload", Map.of(), "file", "a.gif", "image/gif",
				"GIF89a\u0001\u0000".getBytes(), true);
		assertThat(gif.statusCode()).isEqualTo(415);

		assertThat(panel.postFile("/simulator/upload", Map.of(), "file", "vacio.jpg", "image/jpeg", new byte[0], true)
			.statusCode()).isEqualTo(400);
		assertThat(panel.postHtmx("/simulator/sample", "path=" + PanelClient.enc("../application.yaml")).statusCode())
			.isEqualTo(400);
		assertThat(panel.getBytes("/simulator/samples/..%2F..%2Fapplication.yaml").statusCode()).isIn(400, 404);

		// Nothing refused reached the webhook.
		assertThat(jdbc.sql("SELECT count(*) FROM messages WHERE conversation_id = :c").param("c", conversation)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theHandOverLinkAnswersOnlyWithItsLiveTokenOnTheApiPort() throws IOException {
		PanelClient panel = panel();
		panel.login(user("staff"), PASSWORD);
		long conversation = start(panel);
		panel.get("/simulator");
		byte[] pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes();
		assertThat(panel.postFile("/simulator/upload", Map.of("caption", "la ficha"), "file", "ficha.pdf", "application/pdf",
				pdf, true).statusCode()).isEqualTo(200);
		String sent = await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
				"SELECT attachments::text FROM messages WHERE conversation_id = :c AND direction = 'inbound'")
			.param("c", conversation).query(String.class).optional().orElse(""), a -> LINK.matcher(a).find());
		assertThat(sent).contains("\"file\"");
		Matcher link = LINK.matcher(sent);
		assertThat(link.find()).isTrue();
		assertThat(Integer.parseInt(link.group(1))).isEqualTo(ports.apiPort());
		String token = link.group(2);
		String api = "http://127.0.0.1:" + ports.apiPort() + "/api/simulator/files/";

		HttpResponse<String> withToken = get(api + token);
		assertThat(withToken.statusCode()).isEqualTo(200);
		assertThat(withToken.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(withToken.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(withToken.body()).startsWith("%PDF-1.4");

		String wrong = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);
		assertThat(get(api + wrong).statusCode()).isEqualTo(404);
		assertThat(get(api + token.substring(0, 42)).statusCode()).isEqualTo(404);
		assertThat(get(api).statusCode()).isEqualTo(404);
		// The panel's port does not serve it, not even to a logged-in user.
		assertThat(panel.getBytes("/api/simulator/files/" + token).statusCode()).isNotEqualTo(200);
	}

	/** Starts a simulated chat and returns its conversation id (the page links it). */
	private static long start(PanelClient panel) {
		panel.get("/simulator");
		String phone = "+3460" + (1_000_000 + nextId() % 8_999_999);
		assertThat(panel.post("/simulator/start", "name=Cliente+de+prueba&phone=" + PanelClient.enc(phone)
				+ "&clientType=particular").statusCode()).isEqualTo(302);
		Matcher id = Pattern.compile("/conversations/(\\d+)").matcher(panel.get("/simulator").body());
		assertThat(id.find()).isTrue();
		return Long.parseLong(id.group(1));
	}

	/** Types a message in the simulator and returns the bot's answer to it. */
	private String say(PanelClient panel, long conversation, String text) {
		int before = botLines(conversation).size();
		assertThat(panel.postHtmx("/simulator/send", "text=" + PanelClient.enc(text)).statusCode()).isEqualTo(200);
		return replyAfter(conversation, before);
	}

	/** The bot lines after the first {@code before}, once the bot answered and went quiet. */
	private String replyAfter(long conversation, int before) {
		await().atMost(Duration.ofSeconds(20)).until(() -> botLines(conversation).size() > before);
		await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
		List<String> lines = botLines(conversation);
		return String.join("\n", lines.subList(before, lines.size()));
	}

	private List<String> botLines(long conversation) {
		return jdbc.sql("SELECT coalesce(content, '') FROM messages WHERE conversation_id = :c AND sender_kind = 'bot' ORDER BY id")
			.param("c", conversation).query(String.class).list();
	}

	private List<Map<String, Object>> files(long caseId) {
		return jdbc.sql("SELECT id, sha256, media_type, slot FROM case_files WHERE case_id = :c ORDER BY id")
			.param("c", caseId).query().listOfRows();
	}

	/** A well-lit, detailed photo-like JPEG (a gradient with texture), as a phone would take. */
	static byte[] photo() throws IOException {
		BufferedImage image = new BufferedImage(1280, 960, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setPaint(new GradientPaint(0, 0, new Color(150, 170, 200), 1280, 960, new Color(210, 190, 160)));
		g.fillRect(0, 0, 1280, 960);
		Random random = new Random(42);
		for (int i = 0; i < 400; i++) {
			g.setColor(new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256)));
			g.fillRect(random.nextInt(1280), random.nextInt(960), 8 + random.nextInt(60), 8 + random.nextInt(60));
		}
		g.setColor(Color.BLACK);
		g.drawString("1234 ABC", 600, 480);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "jpg", out);
		return out.toByteArray();
	}

	private static byte[] resource(String path) throws IOException {
		try (InputStream in = new ClassPathResource("catalog/images/" + path).getInputStream()) {
			return in.readAllBytes();
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
