package es.msia.bot.admin.cases;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.Principal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import es.msia.bot.admin.paging.PageSlice;
import es.msia.bot.cases.CaseDossier;
import es.msia.bot.cases.CaseFileReview;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseMilestone;
import es.msia.bot.cases.CaseMilestones;
import es.msia.bot.cases.CaseNotFound;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.IllegalCaseTransition;
import es.msia.bot.catalog.CaseDataDefinition;
import es.msia.bot.catalog.Catalog;
import es.msia.bot.catalog.FieldSpec;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Expedientes for staff and admins: the queue by status with counts, the detail with every collected
 * datum, the file gallery (files are streamed from storage behind the panel login; there is no public URL),
 * file review, status changes with a note, the timeline and the ZIP of all files.
 */
@Controller
@RequestMapping("/cases")
class CasesPagesController {

	/** Status buttons in the order staff use them: take, resolve, back to review, ask for more, cancel. */
	private static final List<CaseStatus> ACTIONS = List.of(CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED,
			CaseStatus.PENDING_REVIEW, CaseStatus.COLLECTING, CaseStatus.CANCELLED);

	private static final int MAX_REASON = 500;

	private static final int MAX_NOTE = 2000;

	private final CaseManagement cases;

	private final Catalog catalog;

	private final CaseFileReview review;

	private final CaseDossier dossier;

	private final CaseMilestones milestones;

	CasesPagesController(CaseManagement cases, CaseFileReview review, Catalog catalog, CaseDossier dossier,
			CaseMilestones milestones) {
		this.cases = cases;
		this.review = review;
		this.catalog = catalog;
		this.dossier = dossier;
		this.milestones = milestones;
	}

	@GetMapping
	String queue(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		table(status, q, page, model);
		model.addAttribute("counts", cases.countByStatus());
		return "admin/cases/list";
	}

	@GetMapping
	@HxRequest
	String table(@RequestParam(defaultValue = "") String status, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, Model model) {
		CaseStatus filter = parse(status);
		model.addAttribute("status", filter == null ? "" : filter.code());
		model.addAttribute("q", q);
		model.addAttribute("statuses", CaseStatus.values());
		// search() returns the whole (bounded) list, so the page count is known.
		PageSlice<CaseView> slice = PageSlice.of(cases.search(filter, q), page, true, "/cases",
				java.util.Map.of("status", filter == null ? "" : filter.code(), "q", q));
		model.addAttribute("pageSlice", slice);
		model.addAttribute("cases", slice.items());
		return "admin/cases/fragments :: table";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		CaseView view = cases.view(id);
		model.addAttribute("c", view);
		model.addAttribute("labels", labels(view.category()));
		model.addAttribute("itemNames", itemNames(view.category()));
		model.addAttribute("moves", ACTIONS.stream().filter(cases.nextStatuses(view.status())::contains).toList());
		// Milestones are marks within "in progress": offered only there, each until it is marked.
		model.addAttribute("milestones", view.status() == CaseStatus.IN_PROGRESS ? List.of(CaseMilestone.values()) : List.of());
		model.addAttribute("reachedMilestones", milestones.reached(id));
		return "admin/cases/detail";
	}

	/** The file itself, inline so the gallery and the viewer can show it. */
	@GetMapping("/{id}/files/{fileId}")
	ResponseEntity<InputStreamResource> file(@PathVariable long id, @PathVariable long fileId,
			@RequestParam(defaultValue = "false") boolean download) {
		CaseView.FileView file = fileOf(cases.view(id), fileId);
		ContentDisposition disposition = (download ? ContentDisposition.attachment() : ContentDisposition.inline())
			.filename(fileName(file))
			.build();
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.contentLength(file.sizeBytes())
			.header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
			.body(new InputStreamResource(review.open(id, fileId)));
	}

	/** The case as MSI's data form; shown inline, never cached (it holds the customer's data). */
	@GetMapping("/{id}/dossier.pdf")
	ResponseEntity<byte[]> dossier(@PathVariable long id) {
		CaseView view = cases.view(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(CaseDossier.fileName(view)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(dossier.pdf(view));
	}

	@GetMapping("/{id}/files.zip")
	ResponseEntity<StreamingResponseBody> zip(@PathVariable long id) {
		CaseView view = cases.view(id);
		StreamingResponseBody body = out -> write(view, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(zipName(view)).build().toString())
			.body(body);
	}

	/** Validates or rejects one file (htmx); a rejection needs a reason. Answers the file's card. */
	@PostMapping("/{id}/files/{fileId}/review")
	String review(@PathVariable long id, @PathVariable long fileId, @RequestParam boolean valid,
			@RequestParam(defaultValue = "") String reason, Principal user, Model model) {
		String why = reason.strip();
		CaseView view;
		if (!valid && why.isEmpty()) {
			view = cases.view(id);
			model.addAttribute("reviewError", "cases.file.reasonRequired");
		}
		else if (why.length() > MAX_REASON) {
			view = cases.view(id);
			model.addAttribute("reviewError", "cases.file.reasonTooLong");
		}
		else {
			view = review.review(id, fileId, valid, why.isEmpty() ? null : why, "panel:" + user.getName());
		}
		model.addAttribute("c", view);
		model.addAttribute("f", fileOf(view, fileId));
		return "admin/cases/fragments :: file";
	}

	/** Accepts a photo the quality gate flagged, so it counts for its step (htmx). Answers the file's card. */
	@PostMapping("/{id}/files/{fileId}/accept")
	String acceptPhoto(@PathVariable long id, @PathVariable long fileId, Principal user, Model model) {
		CaseView view = review.acceptPhoto(id, fileId, "panel:" + user.getName());
		model.addAttribute("c", view);
		model.addAttribute("f", fileOf(view, fileId));
		return "admin/cases/fragments :: file";
	}

	@PostMapping("/{id}/status")
	String changeStatus(@PathVariable long id, @RequestParam String status, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean forCustomer, Principal user, RedirectAttributes redirect) {
		CaseStatus target = parse(status);
		String text = note.strip();
		if (target == null || text.length() > MAX_NOTE) {
			redirect.addFlashAttribute("flashError", "cases.status.invalid");
		}
		else {
			try {
				cases.changeStatus(id, target, text.isEmpty() ? null : text, "panel:" + user.getName());
				if (forCustomer && !text.isEmpty()) {
					// The same words, marked for the customer: the bot quotes them when asked about the case.
					cases.addNote(id, text, true, "panel:" + user.getName());
				}
				redirect.addFlashAttribute("flash", "cases.status.changed");
			}
			catch (IllegalCaseTransition refused) {
				redirect.addFlashAttribute("flashError", "cases.status.refused");
			}
		}
		return "redirect:/cases/" + id;
	}

	/** A note on the timeline; marked for the customer, the bot tells it to them when they ask about the case. */
	@PostMapping("/{id}/notes")
	String addNote(@PathVariable long id, @RequestParam(defaultValue = "") String note,
			@RequestParam(defaultValue = "false") boolean forCustomer, Principal user, RedirectAttributes redirect) {
		String text = note.strip();
		if (text.isEmpty() || text.length() > MAX_NOTE) {
			redirect.addFlashAttribute("flashError", "cases.note.invalid");
		}
		else {
			cases.addNote(id, text, forCustomer, "panel:" + user.getName());
			redirect.addFlashAttribute("flash", forCustomer ? "cases.note.addedForCustomer" : "cases.note.added");
		}
		return "redirect:/cases/" + id;
	}

	@ExceptionHandler(CaseNotFound.class)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound() {
		return "admin/cases/missing";
	}

	/** Field key to its Spanish label, from the catalogue (element fields, personal, vehicle, workshop). */
	private Map<String, String> labels(String category) {
		Map<String, String> labels = new HashMap<>();
		CaseDataDefinition data = catalog.caseData();
		List<FieldSpec> fields = new ArrayList<>(data.personal());
		fields.addAll(data.vehicle());
		fields.addAll(data.workshop().ownWorkshopFields());
		catalog.category(category).ifPresent(c -> c.elements().forEach(e -> fields.addAll(e.requiredFields())));
		fields.forEach(f -> labels.putIfAbsent(f.key(), f.labelEs()));
		return labels;
	}

	private Map<String, String> itemNames(String category) {
		Map<String, String> names = new HashMap<>();
		catalog.category(category).ifPresent(c -> c.elements().forEach(e -> names.put(e.code(), e.nameEs())));
		return names;
	}

	private void write(CaseView view, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(CaseDossier.fileName(view)));
			zip.write(dossier.pdf(view));
			zip.closeEntry();
			for (CaseView.FileView file : view.files()) {
				zip.putNextEntry(new ZipEntry(fileName(file)));
				try (InputStream in = review.open(view.id(), file.id())) {
					in.transferTo(zip);
				}
				zip.closeEntry();
			}
		}
	}

	private static CaseView.FileView fileOf(CaseView view, long fileId) {
		return view.files().stream().filter(f -> f.id() == fileId).findFirst()
			.orElseThrow(() -> new CaseNotFound("file " + fileId + " of case " + view.id()));
	}

	private static @Nullable CaseStatus parse(String status) {
		for (CaseStatus candidate : CaseStatus.values()) {
			if (candidate.code().equals(status)) {
				return candidate;
			}
		}
		return null;
	}

	/** {@code <reference>_<plate>_<name>.zip}, ASCII only, as the staff API names it. */
	static String zipName(CaseView view) {
		Map<String, String> vehicle = view.vehicle();
		String plate = vehicle.getOrDefault("matricula", "sin-matricula");
		String name = (view.personal().getOrDefault("nombre", "") + " " + view.personal().getOrDefault("apellidos", ""))
			.trim();
		return safe(view.reference() + "_" + plate + (name.isEmpty() ? "" : "_" + name)) + ".zip";
	}

	static String fileName(CaseView.FileView file) {
		String extension = file.mediaType().equals("application/pdf") ? "pdf"
				: file.mediaType().substring(file.mediaType().indexOf('/') + 1);
		return safe(file.id() + "_" + file.slot().replace(':', '-') + "_" + file.shows()) + "." + extension;
	}

	private static String safe(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.replaceAll("[^A-Za-z0-9._-]+", "_");
	}

}
