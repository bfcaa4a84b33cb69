package es.msia.bot.admin.customers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import es.msia.bot.cases.CaseFileReview;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseView;
import es.msia.bot.conversation.ConversationView;
import es.msia.bot.customers.CustomerId;
import es.msia.bot.customers.CustomerView;
import es.msia.bot.customers.Customers;
import es.msia.bot.messaging.Transcript;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The GDPR access export of one customer (art. 15): their data, every conversation with its transcript and
 * last quote, and their expedientes with every datum, as one JSON document assembled from the owning
 * modules' read APIs; {@link #zip} adds the case files next to it.
 */
@Component
class CustomerExport {

	/** Far above any real conversation; the transcript API returns the latest lines up to this. */
	private static final int ALL_LINES = 100_000;

	private static final int ALL_CONVERSATIONS = 10_000;

	private final Customers customers;

	private final ConversationView conversations;

	private final Transcript transcript;

	private final CaseManagement cases;

	private final CaseFileReview files;

	private final JsonMapper json;

	CustomerExport(Customers customers, ConversationView conversations, Transcript transcript, CaseManagement cases,
			CaseFileReview files, JsonMapper json) {
		this.customers = customers;
		this.conversations = conversations;
		this.transcript = transcript;
		this.cases = cases;
		this.files = files;
		this.json = json;
	}

	/** The export as a ZIP: {@code cliente-<id>.json} and {@code archivos/<reference>/<file>} per case file. */
	void zip(long customerId, Map<String, Object> document, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("cliente-" + customerId + ".json"));
			zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document));
			zip.closeEntry();
			for (CaseView view : casesOf(customerId)) {
				for (CaseView.FileView file : view.files()) {
					zip.putNextEntry(new ZipEntry(fileName(view, file)));
					try (InputStream in = files.open(view.id(), file.id())) {
						in.transferTo(zip);
					}
					zip.closeEntry();
				}
			}
		}
	}

	private List<CaseView> casesOf(long customerId) {
		return cases.ofCustomer(customerId, transcript.conversationsOf(new CustomerId(customerId)));
	}

	private static String fileName(CaseView view, CaseView.FileView file) {
		String extension = file.mediaType().substring(file.mediaType().indexOf('/') + 1).replace("jpeg", "jpg");
		return "archivos/" + view.reference() + "/" + file.id() + "-" + file.slot().replaceAll("[^A-Za-z0-9_-]", "_")
				+ "." + extension.replaceAll("[^a-z0-9]", "");
	}

	Optional<Map<String, Object>> of(long customerId) {
		Optional<CustomerView> customer = customers.find(new CustomerId(customerId));
		return customer.map(c -> {
			Map<String, Object> export = new LinkedHashMap<>();
			Map<String, Object> data = new LinkedHashMap<>();
			data.put("id", c.id().value());
			data.put("phone", c.phone().value());
			data.put("name", c.name());
			data.put("email", c.email());
			data.put("clientType", c.clientType());
			export.put("customer", data);
			List<Map<String, Object>> list = new ArrayList<>();
			for (ConversationView.Summary summary : conversations
				.list(new ConversationView.Filter("", "", false, customerId, ALL_CONVERSATIONS))) {
				Map<String, Object> conversation = new LinkedHashMap<>();
				conversation.put("id", summary.id());
				conversation.put("lastActivity", summary.lastActivity().toString());
				conversation.put("messages", transcript.latest(summary.id(), ALL_LINES).stream().map(line -> {
					Map<String, Object> message = new LinkedHashMap<>();
					message.put("at", line.at().toString());
					message.put("direction", line.direction());
					message.put("sender", line.senderKind());
					message.put("content", line.content());
					return message;
				}).toList());
				conversations.snapshot(summary.id()).quote().ifPresent(q -> {
					Map<String, Object> quote = new LinkedHashMap<>();
					quote.put("tier", q.tierCode());
					quote.put("priceWithoutVat", q.tierPrice());
					quote.put("totalWithVat", q.totalWithVat());
					quote.put("items", q.items());
					quote.put("status", q.status());
					quote.put("at", q.at().toString());
					conversation.put("lastQuote", quote);
				});
				list.add(conversation);
			}
			export.put("conversations", list);
			List<Map<String, Object>> caseList = new ArrayList<>();
			for (CaseView view : casesOf(customerId)) {
				Map<String, Object> item = new LinkedHashMap<>();
				item.put("reference", view.reference());
				item.put("status", view.status().code());
				item.put("openedAt", view.openedAt().toString());
				item.put("submittedAt", view.submittedAt() == null ? null : view.submittedAt().toString());
				item.put("tier", view.tierCode());
				item.put("priceWithoutVat", view.tierPrice());
				item.put("catalogVersion", view.catalogVersion());
				item.put("items", view.items());
				item.put("personal", view.personal());
				item.put("vehicle", view.vehicle());
				item.put("workshopMode", view.workshopMode());
				item.put("workshop", view.workshop());
				item.put("files", view.files().stream().map(f -> Map.of("file", fileName(view, f), "shows", f.shows(),
						"review", f.reviewStatus(), "at", f.createdAt().toString())).toList());
				caseList.add(item);
			}
			export.put("cases", caseList);
			return export;
		});
	}

}
