package es.msia.bot.cases.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.Principal;
import java.text.Normalizer;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import es.msia.bot.cases.CaseDossier;
import es.msia.bot.cases.CaseFileReview;
import es.msia.bot.cases.CaseManagement;
import es.msia.bot.cases.CaseStatus;
import es.msia.bot.cases.CaseView;
import es.msia.bot.cases.CaseNotFound;
import es.msia.bot.cases.files.FileStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Cases for staff (role ADMIN, HTTP Basic, like the rest of {@code /api/admin/**}): list and search,
 * detail with files and timeline, status changes with a note, file review, and file downloads. Files are
 * only ever served here, behind authentication.
 */
@RestController
@Validated
@RequestMapping("/api/admin/cases")
@Tag(name = "Expedientes", description = "Expedientes recogidos por el asistente (rol ADMIN)")
@SecurityRequirement(name = "basicAuth")
class CasesController {

	private final CaseManagement cases;

	private final CaseFileReview review;

	private final FileStore store;

	private final CaseDossier dossier;

	CasesController(CaseManagement cases, CaseFileReview review, FileStore store, CaseDossier dossier) {
		this.cases = cases;
		this.review = review;
		this.store = store;
		this.dossier = dossier;
	}

	@GetMapping
	@Operation(summary = "Lista expedientes, filtrando por estado y buscando por referencia, matrícula, nombre, email o DNI")
	List<CaseView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(required = false) @Nullable String q) {
		return cases.search(status == null || status.isBlank() ? null : CaseStatus.fromCode(status), q);
	}

	@GetMapping("/{id}")
	@Operation(summary = "Detalle de un expediente con sus datos, archivos y línea de tiempo")
	CaseView detail(@PathVariable long id) {
		return cases.view(id);
	}

	@PostMapping("/{id}/status")
	@Operation(summary = "Cambia el estado (según las transiciones permitidas) con una nota")
	CaseView changeStatus(@PathVariable long id, @Valid @RequestBody StatusChange change, Principal who) {
		return cases.changeStatus(id, CaseStatus.fromCode(change.status()), change.note(), who.getName());
	}

	@PostMapping("/{id}/files/{fileId}/review")
	@Operation(summary = "Valida o rechaza un archivo; un rechazo necesita motivo, deja de contar para su apartado y pide al cliente otro (dentro de la ventana de 24 h de WhatsApp)")
	ResponseEntity<CaseView> review(@PathVariable long id, @PathVariable long fileId, @Valid @RequestBody FileReview review,
			Principal who) {
		if (!review.valid() && (review.reason() == null || review.reason().isBlank())) {
			return ResponseEntity.badRequest().build();
		}
		return ResponseEntity.ok(this.review.review(id, fileId, review.valid(), review.reason(), who.getName()));
	}

	@GetMapping("/{id}/files/{fileId}")
	@Operation(summary = "Descarga un archivo del expediente")
	ResponseEntity<FileSystemResource> file(@PathVariable long id, @PathVariable long fileId) {
		CaseView view = cases.view(id);
		CaseView.FileView file = view.files().stream().filter(f -> f.id() == fileId).findFirst()
			.orElseThrow(() -> new CaseNotFound("file " + fileId));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName(file)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(store.path(file.sha256())));
	}

	@GetMapping("/{id}/dossier.pdf")
	@Operation(summary = "Descarga el expediente como el formulario de datos de MSI (PDF con miniaturas de las fotos)")
	ResponseEntity<byte[]> dossier(@PathVariable long id) {
		CaseView view = cases.view(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(CaseDossier.fileName(view)).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.body(dossier.pdf(view));
	}

	@GetMapping("/{id}/files.zip")
	@Operation(summary = "Descarga todos los archivos y el formulario de datos (PDF) en un ZIP con el nombre de la matrícula y el cliente")
	ResponseEntity<StreamingResponseBody> zip(@PathVariable long id) {
		CaseView view = cases.view(id);
		StreamingResponseBody body = out -> write(view, out);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(zipName(view)).build().toString())
			.body(body);
	}

	private void write(CaseView view, OutputStream out) throws IOException {
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry(CaseDossier.fileName(view)));
			zip.write(dossier.pdf(view));
			zip.closeEntry();
			for (CaseView.FileView file : view.files()) {
				zip.putNextEntry(new ZipEntry(fileName(file)));
				Files.copy(store.path(file.sha256()), zip);
				zip.closeEntry();
			}
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
	}

	static String zipName(CaseView view) {
		String plate = view.vehicle().getOrDefault("matricula", "sin-matricula");
		String name = (view.personal().getOrDefault("nombre", "") + " " + view.personal().getOrDefault("apellidos", "")).trim();
		return safe(view.reference() + "_" + plate + (name.isEmpty() ? "" : "_" + name)) + ".zip";
	}

	private static String fileName(CaseView.FileView file) {
		String extension = file.mediaType().equals("application/pdf") ? "pdf" : file.mediaType().substring("image/".length());
		return safe(file.id() + "_" + file.slot().replace(':', '-') + "_" + file.shows()) + "." + extension;
	}

	private static String safe(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.replaceAll("[^A-Za-z0-9._-]+", "_");
	}

	/** A status change requested by staff. */
	record StatusChange(@NotNull String status, @Size(max = 2000) @Nullable String note) {
	}

	/** A file review: valid, or rejected with a reason. */
	record FileReview(boolean valid, @Size(max = 500) @Nullable String reason) {
	}

}
