package es.msia.bot.admin;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import es.msia.bot.cases.files.PhotoSamples;
import es.msia.bot.support.IntegrationTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case as MSI's data form from the panel, on a case collected through the real conversation (webhook,
 * agent, case flow) with two real photos: behind the login, linked from the case page, shown inline and
 * never cached, with the photos as thumbnails and the collected values under their labels; and the first
 * entry of the case ZIP.
 */
class CaseDossierIT extends PanelTest {

	@Test
	void staffOpenTheCaseAsTheDataFormAndFindItInTheZip() throws IOException {
		ChattingCustomer customer = new ChattingCustomer(chatwoot, ports.apiPort(), WEBHOOK_TOKEN, IntegrationTest::nextId);
		customer.say("quiero legalizar el escape", List.of());
		assertThat(customer.say("vale, adelante", List.of())).contains("Abro tu expediente");
		long seed = customer.conversation;
		assertThat(customer.say("", List.of(chatwoot.serveFile(png(seed)), chatwoot.serveFile(png(seed + 1)))))
			.contains("Recib");
		customer.say("Akrapovič Racing Line", List.of());
		Map<String, Object> row = jdbc.sql("SELECT id, reference, data::text AS data FROM cases WHERE conversation_id = :c")
			.param("c", customer.conversation).query().singleRow();
		long id = (Long) row.get("id");
		String reference = (String) row.get("reference");
		assertThat((String) row.get("data")).as("the chat stored the value").contains("Akrapovič Racing Line");
		String path = "/cases/" + id + "/dossier.pdf";

		HttpResponse<String> anonymous = panel().get(path);
		assertThat(anonymous.statusCode()).isEqualTo(302);
		assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));

		PanelClient panel = panel();
		panel.login(user("staff"), PASSWORD);
		assertThat(panel.get("/cases/" + id).body()).contains("id=\"case-dossier\"").contains("href=\"" + path + "\"")
			.contains("Formulario de datos (PDF)");
		HttpResponse<byte[]> pdf = panel.getBytes(path);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
		assertThat(pdf.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
		assertThat(pdf.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(h -> assertThat(h).startsWith("inline").contains(reference + "_formulario_datos.pdf"));
		checkForm(pdf.body(), reference);
		assertThat(panel.getBytes("/cases/999999999/dossier.pdf").statusCode()).isEqualTo(404);

		List<String> names = new ArrayList<>();
		byte[] inZip = null;
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(panel.getBytes("/cases/" + id + "/files.zip").body()))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				names.add(entry.getName());
				if (inZip == null) {
					inZip = zip.readAllBytes();
				}
			}
		}
		assertThat(names).hasSize(3).first().isEqualTo(reference + "_formulario_datos.pdf");
		checkForm(inZip, reference);
	}

	private static void checkForm(byte[] pdf, String reference) throws IOException {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains("Expediente " + reference, "DATOS DEL PETICIONARIO", "DATOS DEL VEHÍCULO",
					"ELEMENTO 1: ESCAPE (LÍNEA COMPLETA)", "Marca y modelo del escape Akrapovič Racing Line",
					"Foto 1 de 2", "Foto 2 de 2");
			int images = 0;
			for (PDPage page : document.getPages()) {
				for (COSName name : page.getResources().getXObjectNames()) {
					images += page.getResources().getXObject(name) instanceof PDImageXObject ? 1 : 0;
				}
			}
			assertThat(images).as("one thumbnail per photo").isEqualTo(2);
		}
	}

	/** A real photo-sized PNG, unique to the seed (so no other test's case shares its stored copy). */
	/** A photo with enough detail to pass the intake quality gate (shapes, text and fine texture). */
	private static byte[] png(long seed) throws IOException {
		BufferedImage image = PhotoSamples.shapes(new Random(seed), 1600, 1200);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
