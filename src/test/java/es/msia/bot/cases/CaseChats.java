package es.msia.bot.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import es.msia.bot.support.ChatwootPayloads;
import es.msia.bot.support.FakeChatwoot.StoredMessage;
import es.msia.bot.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Customers writing to the bot through the real webhook (files served by the fake Chatwoot behind a 302
 * redirect), with what the case looks like in PostgreSQL and the conversation's transcript.
 */
abstract class CaseChats extends IntegrationTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CasesSettings settings;

	/** One customer in one conversation, with their own Chatwoot contact; keeps the transcript. */
	final class Customer {

		final long conversation = nextId();

		final long contactId;

		final String phone;

		final String name;

		/** Chatwoot's {@code tipo} attribute: MSI marks professionals (motorhome workshops, dealers) there. */
		final String tipo;

		final List<String> transcript = new ArrayList<>();

		Customer() {
			this("+3461" + String.format("%07d", nextId() % 10_000_000), "María López", "Particular");
		}

		Customer(String phone, String name, String tipo) {
			this(phone, name, tipo, 0);
		}

		private Customer(String phone, String name, String tipo, long contactId) {
			this.contactId = contactId == 0 ? conversation : contactId;
			this.phone = phone;
			this.name = name;
			this.tipo = tipo;
		}

		/** Another conversation of the same customer (same phone and contact). */
		Customer sameCustomerAgain() {
			return new Customer(phone, name, tipo, contactId);
		}

		String says(String text) {
			return send(text, List.of());
		}

		String sends(String caption, byte[]... files) {
			List<String> urls = Arrays.stream(files).map(chatwoot::serveFile).toList();
			return send(caption, urls);
		}

		String send(String text, List<String> dataUrls) {
			int before = customerFacing().size();
			postRaw(payload(text, dataUrls));
			return replyAfter(before, text, dataUrls.size());
		}

		/** Waits for the bot's reply to what was just posted and writes both into the transcript. */
		String replyAfter(int before, String text, int files) {
			await(before);
			String reply = String.join("\n", customerFacing().subList(before, customerFacing().size()).stream()
				.map(StoredMessage::content).toList());
			transcript.add("**Cliente:** " + (text.isEmpty() ? "" : text)
					+ (files == 0 ? "" : " _[" + files + (files == 1 ? " archivo]_" : " archivos]_")));
			transcript.add("**Bot:**\n> " + reply.replace("\n", "\n> "));
			return reply;
		}

		/** Something the bot sent on its own (reminder, request from staff), into the transcript. */
		String botSaysOnItsOwn(int before, String why) {
			await(before);
			String said = customerFacing().get(before).content();
			transcript.add("_(" + why + ")_\n\n**Bot:**\n> " + said.replace("\n", "\n> "));
			return said;
		}

		private void await(int before) {
			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> customerFacing().size() > before);
			// Replies longer than WhatsApp's limit come in several messages.
			org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> true);
		}

		ObjectNode payload(String text, List<String> dataUrls) {
			ObjectNode payload = ChatwootPayloads.incomingText(nextId(), conversation, phone, text);
			if (text.isEmpty()) {
				payload.putNull("content");
			}
			for (ObjectNode sender : List.of((ObjectNode) payload.get("sender"),
					(ObjectNode) payload.get("conversation").get("meta").get("sender"))) {
				sender.put("id", contactId);
				sender.put("name", name);
				sender.putObject("custom_attributes").put("tipo", tipo);
			}
			((ObjectNode) payload.get("conversation")).putObject("custom_attributes").put("tipo", tipo);
			if (!dataUrls.isEmpty()) {
				ArrayNode attachments = payload.putArray("attachments");
				for (String url : dataUrls) {
					ObjectNode a = attachments.addObject();
					a.put("id", nextId());
					a.put("file_type", "image");
					a.put("data_url", url);
				}
			}
			return payload;
		}

		void postRaw(ObjectNode payload) {
			org.assertj.core.api.Assertions.assertThat(postWebhook("?token=" + WEBHOOK_TOKEN, payload.toString()).body())
				.contains("accepted");
		}

		List<StoredMessage> customerFacing() {
			return chatwoot.messages(conversation).stream().filter(m -> !m.privateNote()).toList();
		}

		Map<String, Object> caseRow() {
			return jdbc.sql("SELECT id, reference, status, category, tier_code, data::text AS data FROM cases WHERE conversation_id = :c")
				.param("c", conversation).query().singleRow();
		}

		JsonNode data() {
			return JSON.readTree((String) caseRow().get("data"));
		}

		long fileCount() {
			return jdbc.sql("SELECT count(*) FROM case_files f JOIN cases c ON c.id = f.case_id WHERE c.conversation_id = :c")
				.param("c", conversation).query(Long.class).single();
		}

		String acceptsQuoteFor(String element) {
			says(element);
			return says("vale, adelante");
		}

		/** Writes the transcript to {@code target/transcripts/<name>.md}. */
		void writeTranscript(String fileName, String title) {
			try {
				Path dir = Files.createDirectories(Path.of("target", "transcripts"));
				Files.writeString(dir.resolve(fileName + ".md"), "# " + title + "\n\n" + String.join("\n\n", transcript) + "\n");
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	static byte[] jpeg(int seed) {
		return withHeader(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0 }, seed);
	}

	static byte[] png(int seed) {
		return withHeader(new byte[] { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A }, seed);
	}

	static byte[] pdf() {
		return "%PDF-1.4\n% ficha tecnica\n".getBytes();
	}

	static byte[] pdf(String what) {
		return ("%PDF-1.4\n% " + what + "\n").getBytes();
	}

	private static byte[] withHeader(byte[] header, int seed) {
		byte[] bytes = Arrays.copyOf(header, header.length + 64);
		for (int i = header.length; i < bytes.length; i++) {
			bytes[i] = (byte) (seed * 31 + i);
		}
		return bytes;
	}

}
