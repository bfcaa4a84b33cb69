package es.msia.bot.cases.dossier;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.imageio.ImageIO;

import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.domain.CaseData;
import es.msia.bot.cases.domain.CaseItem;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.cases.domain.Step;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.FieldSpec;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MSI's data form of a complete motorcycle case and a complete motorhome case: rendered to PNG pages with
 * PDFBox's renderer and read back as text. Checks every section of the paper form, every collected value
 * under its label, the Spanish characters, one downscaled thumbnail per photo kept (a rejected one left
 * out) and PDFs named, not embedded. The pages go to {@code target/dossier/}; with
 * {@code -Ddossier.samples=docs/dossier} they also go there (the committed samples).
 */
class DossierPdfTests {

	private static final Instant NOW = Instant.parse("2026-12-01T08:30:00Z");

	private static final List<String> SECTIONS = List.of("DATOS DEL PETICIONARIO", "DATOS DEL TALLER QUE EFECTÚA LA REFORMA",
			"DATOS DE LA ITV DONDE VA A PASAR INSPECCIÓN", "DATOS DEL VEHÍCULO", "DOCUMENTACIÓN IMPRESCINDIBLE DEL VEHÍCULO");

	private final DossierSamples samples = new DossierSamples();

	@Test
	void printsACompleteMotorcycleCaseAsTheDataForm() throws IOException {
		CaseView view = samples.motorcycle();
		String text = check(view, "motos-part", "moto");
		assertThat(text).contains("Nombre / Empresa Lucía Martín Gómez", "C/ Larios 5, 2º B", "Año de 1ª matriculación 2019",
				"Tarifa T1: 410,00 € sin IVA", "Antonio Ruiz Muñoz", "Nº Registro Industrial 29/045.678", "Matrícula 1234LMN",
				"ELEMENTO 1: MODIFICACIÓN DEL SUBCHASIS", "ELEMENTO 2: ESCAPE (LÍNEA COMPLETA)", "ELEMENTO 4: SUSPENSIÓN TRASERA",
				"Nueva medida desde el depósito hasta el final del subchasis (mm) 450", "Öhlins", "Akrapovič",
				"¿El escape está homologado para tu modelo de moto? Sí", "Comunidad Autónoma Andalucía",
				"Nombre ITV ITV Málaga - Guadalhorce");
		// The base documents' photos run onto page 2, under the section's title again.
		assertThat(text).contains("DOCUMENTACIÓN IMPRESCINDIBLE DEL VEHÍCULO (continuación)");
		// The rejected photo is left out; its replacements are numbered within the item.
		assertThat(text).doesNotContain("archivo 101").contains("Foto 1 de 2 · archivo 102 · validada",
				"Foto 2 de 2 · archivo 103 · validada");
	}

	@Test
	void printsACompleteProfessionalMotorhomeCaseAsTheDataForm() throws IOException {
		CaseView view = samples.motorhome();
		String text = check(view, "aseicars-prof", "autocaravana");
		assertThat(text).contains("Autocaravanas del Sur S.L.", "B12345674", "Polígono Industrial San Rafael, nave 14",
				"Clasificación 3348", "Lo firma un taller colaborador de MSI",
				"ELEMENTO 1: PLACAS SOLARES CON REGULADOR EN EL INTERIOR DE LA VIVIENDA", "He puesto gálibos tipo cuerno",
				"OTROS ARCHIVOS DEL CLIENTE", "sin clasificar");
	}

	@Test
	void namesWhatItCannotShowInsteadOfFailing() throws IOException {
		CategoryDefinition category = samples.category("motos-part");
		CaseView base = samples.motorcycle();
		CaseView.FileView heic = new CaseView.FileView(900, "f".repeat(64), "image/heic", 10, "item:ESCAPE",
				"Escape (línea completa)", "pending", null, NOW, null, null, true);
		Map<String, String> personal = new java.util.LinkedHashMap<>(base.personal());
		personal.put("nombre", "Lucía 🏍️");
		CaseView view = new CaseView(base.id(), base.reference(), base.conversationId(), base.customerId(), base.status(),
				base.category(), base.tierCode(), base.tierPrice(), base.subtotal(), base.catalogVersion(), base.items(),
				personal, base.vehicle(), null, Map.of(), List.of(heic), List.of(), base.openedAt(), null);
		byte[] pdf = new DossierPdf().render(new DossierContent(category, DossierSamples.CATALOG.caseData(),
				f -> new byte[] { 0, 1, 2, 3 }).of(view, NOW));
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Vista previa no disponible (image/heic)", "Lucía ?", "Aún sin decidir",
					"Sin fotos de este elemento.");
			assertThat(images(document)).isEmpty();
		}
	}

	/** Renders, reads back and checks what both cases must show; returns the text with spaces collapsed. */
	private String check(CaseView view, String slug, String name) throws IOException {
		CategoryDefinition category = samples.category(slug);
		assertThat(complete(view, category)).as("the sample case is complete").isTrue();
		byte[] pdf = new DossierPdf().render(new DossierContent(category, DossierSamples.CATALOG.caseData(),
				samples::read).of(view, NOW));
		assertThat(pdf.length).as("PDF size with downscaled photos").isLessThan(1_200_000);
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
			assertThat(text).contains(SECTIONS).contains(view.reference(), "www.msihomologacion.com");
			assertThat(text).contains("á", "é", "í", "ó", "ú", "ñ", "º", "ª", "€", "Ú", "Ó");
			assertThat(positions(text, SECTIONS)).as("sections in the paper form's order").isSorted();
			List<String> elements = new ArrayList<>();
			int number = 1;
			for (Map.Entry<String, Map<String, String>> item : view.items().entrySet()) {
				elements.add("ELEMENTO " + number++ + ":");
				for (Map.Entry<String, String> value : item.getValue().entrySet()) {
					FieldSpec spec = new CollectionPlan(category, DossierSamples.CATALOG.caseData())
						.fields("item:" + item.getKey()).stream().filter(s -> s.key().equals(value.getKey())).findFirst()
						.orElseThrow();
					Dossier.Field printed = DossierContent.field(new DossierTexts(), spec, value.getValue());
					assertThat(text).contains(printed.label() + " " + printed.value());
				}
			}
			assertThat(positions(text, elements)).isSorted().allMatch(p -> p > text.indexOf(SECTIONS.get(4)));
			List<CaseView.FileView> photos = view.files().stream()
				.filter(f -> f.mediaType().startsWith("image/") && !"rejected".equals(f.reviewStatus()))
				.toList();
			List<PDImageXObject> images = images(document);
			assertThat(images).as("one thumbnail per photo kept").hasSize(photos.size());
			assertThat(images).allMatch(i -> Math.max(i.getWidth(), i.getHeight()) <= Thumbnails.MAX_SIDE);
			photos.forEach(p -> assertThat(text).contains(p.shows()).contains("archivo " + p.id()));
			view.files().stream().filter(f -> f.mediaType().equals("application/pdf"))
				.forEach(f -> assertThat(text).contains("Documento PDF (en el ZIP): " + FileNames.of(f)));
			for (PDPage page : document.getPages()) {
				for (COSName font : page.getResources().getFontNames()) {
					PDFont used = page.getResources().getFont(font);
					assertThat(used.isEmbedded()).isTrue();
					assertThat(used.getName()).contains("DejaVuSans");
				}
			}
			render(document, name, pdf);
			return text;
		}
	}

	/** Whether the collection plan would ask nothing more of this case (it would show the summary). */
	private static boolean complete(CaseView view, CategoryDefinition category) {
		CollectionPlan plan = new CollectionPlan(category, DossierSamples.CATALOG.caseData());
		List<CaseItem> items = new ArrayList<>();
		Set<String> slots = new HashSet<>();
		view.items().forEach((code, fields) -> {
			String element = plan.element(code).code();
			items.add(new CaseItem(code, code, element, element.equals(code) ? null : code, fields));
			slots.add("item:" + code);
		});
		category.baseDocuments().forEach(d -> slots.add(CollectionPlan.documentSlot(d)));
		CaseData data = new CaseData(items, view.personal(), view.vehicle(), view.workshopMode(), view.workshop(), slots,
				false);
		return plan.next(data) instanceof Step.Summary;
	}

	private static List<PDImageXObject> images(PDDocument document) throws IOException {
		List<PDImageXObject> images = new ArrayList<>();
		for (PDPage page : document.getPages()) {
			for (COSName name : page.getResources().getXObjectNames()) {
				if (page.getResources().getXObject(name) instanceof PDImageXObject image) {
					images.add(image);
				}
			}
		}
		return images;
	}

	private static List<Integer> positions(String text, List<String> parts) {
		List<Integer> positions = new ArrayList<>();
		parts.forEach(p -> positions.add(text.indexOf(p)));
		assertThat(positions).doesNotContain(-1);
		return positions;
	}

	/** The PDF and its page PNGs; each page must show something besides white paper. */
	private static void render(PDDocument document, String name, byte[] pdf) throws IOException {
		PDFRenderer renderer = new PDFRenderer(document);
		List<Path> targets = new ArrayList<>(List.of(Path.of("target", "dossier")));
		String samplesDir = System.getProperty("dossier.samples");
		if (samplesDir != null) {
			targets.add(Path.of(samplesDir));
		}
		for (Path dir : targets) {
			Files.createDirectories(dir);
			Files.write(dir.resolve(name + ".pdf"), pdf);
		}
		for (int page = 0; page < document.getNumberOfPages(); page++) {
			BufferedImage image = renderer.renderImageWithDPI(page, 96);
			assertThat(inked(image)).as("page %d has content", page + 1).isGreaterThan(0.01);
			for (Path dir : targets) {
				Files.createDirectories(dir);
				ImageIO.write(image, "png", dir.resolve(name + "-" + (page + 1) + ".png").toFile());
			}
		}
	}

	private static double inked(BufferedImage image) {
		long dark = 0;
		for (int y = 0; y < image.getHeight(); y += 2) {
			for (int x = 0; x < image.getWidth(); x += 2) {
				int rgb = image.getRGB(x, y);
				int grey = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
				dark += grey < 200 ? 1 : 0;
			}
		}
		return dark / (image.getWidth() * image.getHeight() / 4.0);
	}

}
