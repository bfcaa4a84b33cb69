package es.msia.bot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongSupplier;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A customer writing on WhatsApp through the real webhook (and the fake Chatwoot): each message waits for
 * the bot's reply. Used to give the GDPR tests a customer with a conversation, a case and files.
 */
final class ChattingCustomer {

	final long conversation;

	final String phone;

	private final FakeChatwoot chatwoot;

	private final int apiPort;

	private final String token;

	private final LongSupplier ids;

	private final HttpClient http = HttpClient.newHttpClient();

	ChattingCustomer(FakeChatwoot chatwoot, int apiPort, String token, LongSupplier ids) {
		this.chatwoot = chatwoot;
		this.apiPort = apiPort;
		this.token = token;
		this.ids = ids;
		this.conversation = ids.getAsLong();
		this.phone = "+3463" + String.format("%07d", conversation % 10_000_000);
	}

	/** Sends the text (and files, as Chatwoot attachment URLs) and returns the bot's reply. */
	String say(String text, List<String> dataUrls) {
		int before = customerFacing().size();
		ObjectNode payload = ChatwootPayloads.incomingText(ids.getAsLong(), conversation, phone, text);
		if (text.isEmpty()) {
			payload.putNull("content");
		}
		ArrayNode attachments = payload.putArray("attachments");
		for (String url : dataUrls) {
			ObjectNode a = attachments.addObject();
			a.put("id", ids.getAsLong());
			a.put("file_type", "image");
			a.put("data_url", url);
		}
		assertThat(post(payload.toString()).body()).contains("accepted");
		await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
		await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		return String.join("\n",
				customerFacing().subList(before, customerFacing().size()).stream().map(StoredMessage::content).toList());
	}

	/** Quote, case opened, one photo filed: a customer with a conversation, a case and a stored file. */
	byte[] openCaseWithPhoto() {
		say("quiero legalizar el escape", List.of());
		assertThat(say("vale, adelante", List.of())).contains("Abro tu expediente");
		byte[] photo = jpeg(conversation);
		assertThat(say("", List.of(chatwoot.serveFile(photo)))).contains("Recib");
		return photo;
	}

	/** A small JPEG (by its magic bytes) unique to the seed, so no other test's case shares its stored copy. */
	static byte[] jpeg(long seed) {
		byte[] bytes = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, 96);
		for (int i = 4; i < bytes.length; i++) {
			bytes[i] = (byte) ((seed >> (i % 8)) * 31 + i);
		}
		return bytes;
	}

	private List<StoredMessage> customerFacing() {
		return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
	}

	private HttpResponse<String> post(String body) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(
					"http://localhost:" + apiPort + "/api/chatwoot/webhook?token=" + token))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
