package es.msia.bot.cases.dossier;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.domain.CollectionPlan;
import es.msia.bot.catalog.BaseDocument;
import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.CategoryDefinition;
import es.msia.bot.catalog.ElementDefinition;
import es.msia.bot.catalog.FieldSpec;
import es.msia.bot.catalog.FieldType;

/**
 * What each section of MSI's data form holds for one case: applicant, workshop, ITV and vehicle with the
 * paper form's labels; the base documents; one section per quoted item with its values under the
 * catalogue's labels; files nobody asked for. Every collected value appears: those the paper form has no
 * box for follow under their catalogue label. Rejected photos are left out (their replacement is shown);
 * PDFs are named, not embedded.
 */
public final class DossierContent {

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

	private final DossierTexts texts = new DossierTexts();

	private final CategoryDefinition category;

	private final CaseDataDefinition caseData;

	private final Function<CaseView.FileView, byte[]> files;

	/**
	 * @param category the case's catalogue category (element names, field labels, base documents)
	 * @param caseData the catalogue's personal, vehicle and workshop fields
	 * @param files reads a stored file (called once per photo, while the page is laid out)
	 */
	public DossierContent(CategoryDefinition category, CaseDataDefinition caseData,
			Function<CaseView.FileView, byte[]> files) {
		this.category = category;
		this.caseData = caseData;
		this.files = files;
	}

	public Dossier of(CaseView view, Instant now) {
		List<String> heading = new ArrayList<>();
		heading.add(texts.text("header.meta", category.nameEs(), view.tierCode(), euros(view.tierPrice()),
				texts.text("status." + view.status().code())));
		String opened = MINUTE.format(view.openedAt().atZone(MADRID));
		heading.add(view.submittedAt() == null ? texts.text("header.dates", opened)
				: texts.text("header.dates.submitted", opened, MINUTE.format(view.submittedAt().atZone(MADRID))));
		FixedBlocks fixed = new FixedBlocks(texts, view, caseData);
		List<Dossier.Section> sections = new ArrayList<>(List.of(fixed.applicant(), fixed.workshop(), fixed.itv(),
				fixed.vehicle(), documents(view)));
		int number = 1;
		for (Map.Entry<String, Map<String, String>> item : view.items().entrySet()) {
			sections.add(item(view, number++, item.getKey(), item.getValue()));
		}
		List<CaseView.FileView> others = view.files().stream()
			.filter(f -> !known(view, f.slot()) && !"rejected".equals(f.reviewStatus()))
			.toList();
		if (!others.isEmpty()) {
			sections.add(new Dossier.Section(texts.text("section.other"), texts.text("section.other.note"), 1, List.of(),
					pdfs(others), photos(others)));
		}
		return new Dossier(view.reference(), heading, DAY.format(now.atZone(MADRID)), sections);
	}

	private Dossier.Section documents(CaseView view) {
		List<Dossier.Field> fields = new ArrayList<>();
		List<CaseView.FileView> all = new ArrayList<>();
		for (BaseDocument document : category.baseDocuments()) {
			List<CaseView.FileView> in = shown(view, CollectionPlan.documentSlot(document));
			fields.add(Dossier.Field.of(document.nameEs(), in.isEmpty() ? texts.text("document.missing")
					: texts.text("document.received", String.valueOf(in.size()))));
			all.addAll(in);
		}
		return new Dossier.Section(texts.text("section.documents"), texts.text("section.documents.note"), 2, fields,
				pdfs(all), photos(all));
	}

	private Dossier.Section item(CaseView view, int number, String code, Map<String, String> values) {
		Optional<ElementDefinition> element = element(code);
		String name = element.map(e -> e.code().equals(code) ? e.nameEs()
				: e.variant(code).map(v -> v.nameEs()).orElse(e.nameEs())).orElse(code);
		Map<String, String> rest = new LinkedHashMap<>(values);
		List<Dossier.Field> fields = new ArrayList<>();
		for (FieldSpec spec : element.map(ElementDefinition::requiredFields).orElse(List.of())) {
			String value = rest.remove(spec.key());
			if (value != null) {
				fields.add(field(texts, spec, value));
			}
		}
		rest.forEach((key, value) -> fields.add(Dossier.Field.of(key, value)));
		List<CaseView.FileView> shown = shown(view, "item:" + code);
		String title = texts.text("section.element", String.valueOf(number), name.toUpperCase(java.util.Locale.ROOT));
		List<String> listed = new ArrayList<>(pdfs(shown));
		if (fields.isEmpty()) {
			listed.add(0, texts.text("element.noData"));
		}
		if (shown.isEmpty()) {
			listed.add(texts.text("element.noPhotos"));
		}
		return new Dossier.Section(title, null, 1, fields, listed, photos(shown));
	}

	/** A value as staff read it: booleans in Spanish, everything else as normalised when collected. */
	static Dossier.Field field(DossierTexts texts, FieldSpec spec, String value) {
		if (spec.type() == FieldType.BOOLEAN) {
			return Dossier.Field.of(spec.labelEs(), "true".equals(value) ? texts.text("value.yes")
					: "false".equals(value) ? texts.text("value.no") : value);
		}
		return Dossier.Field.of(spec.labelEs(), value);
	}

	private static String euros(java.math.BigDecimal amount) {
		java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.forLanguageTag("es-ES"));
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	private List<Dossier.Photo> photos(List<CaseView.FileView> shown) {
		List<CaseView.FileView> images = shown.stream().filter(f -> f.mediaType().startsWith("image/")).toList();
		List<Dossier.Photo> photos = new ArrayList<>();
		for (int i = 0; i < images.size(); i++) {
			CaseView.FileView file = images.get(i);
			long ofSlot = images.stream().filter(f -> f.slot().equals(file.slot())).count();
			long inSlot = images.subList(0, i + 1).stream().filter(f -> f.slot().equals(file.slot())).count();
			String caption = texts.text("photo.caption", String.valueOf(inSlot), String.valueOf(ofSlot),
					String.valueOf(file.id())) + " · " + texts.text("photo.review." + review(file));
			photos.add(new Dossier.Photo(file.shows(), caption, file.mediaType(), () -> files.apply(file)));
		}
		return photos;
	}

	private List<String> pdfs(List<CaseView.FileView> shown) {
		return shown.stream().filter(f -> f.mediaType().equals("application/pdf"))
			.map(f -> texts.text("pdf.listed", FileNames.of(f)))
			.toList();
	}

	private static String review(CaseView.FileView file) {
		if (file.awaitsAcceptance()) {
			// The engineer should see that the intake check doubted this photo and nobody accepted it yet.
			return "flagged";
		}
		return "validated".equals(file.reviewStatus()) ? "validated" : "pending";
	}

	/** The case's files in a slot, without those staff rejected. */
	private static List<CaseView.FileView> shown(CaseView view, String slot) {
		return view.files().stream().filter(f -> f.slot().equals(slot) && !"rejected".equals(f.reviewStatus())).toList();
	}

	private boolean known(CaseView view, String slot) {
		return slot.startsWith("item:") && view.items().containsKey(slot.substring(5))
				|| category.baseDocuments().stream().anyMatch(d -> slot.equals(CollectionPlan.documentSlot(d)));
	}

	private Optional<ElementDefinition> element(String code) {
		return category.elements().stream().filter(e -> e.code().equals(code) || e.variant(code).isPresent()).findFirst();
	}

}
