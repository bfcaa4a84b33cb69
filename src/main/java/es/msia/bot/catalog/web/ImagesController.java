package es.msia.bot.catalog.web;

import java.time.Duration;
import java.util.Arrays;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import es.msia.bot.catalog.jdbc.UploadedImages;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Example slides sent to customers, public because Chatwoot downloads them. Served only from the
 * classpath folder {@code catalog/images/}: any path segment that is empty, {@code .} or {@code ..},
 * or that contains a backslash or a colon, is refused before the resource is even looked up. Images
 * uploaded from the panel ({@code Subidas/...}) come from the database instead.
 */
@RestController
@Tag(name = "Catálogo")
class ImagesController {

	static final String PATH = "/api/catalog/images";

	private static final String ROOT = "catalog/images/";

	private final UploadedImages uploaded;

	ImagesController(UploadedImages uploaded) {
		this.uploaded = uploaded;
	}

	@GetMapping(PATH + "/{*path}")
	@Operation(summary = "Imagen de ejemplo del catálogo (ruta bajo Imagenes/, p. ej. Motos/01_Documentacion_Obligatoria/fichatecnica_permiso.png)")
	ResponseEntity<Resource> image(@PathVariable String path) {
		String relative = path.startsWith("/") ? path.substring(1) : path;
		if (!safe(relative)) {
			return ResponseEntity.badRequest().build();
		}
		if (relative.startsWith(UploadedImages.FOLDER)) {
			return this.uploaded.find(relative)
				.map((image) -> ResponseEntity.ok()
					.contentType(MediaType.parseMediaType(image.contentType()))
					.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
					.<Resource>body(new ByteArrayResource(image.bytes())))
				.orElseGet(() -> ResponseEntity.notFound().build());
		}
		Resource resource = new ClassPathResource(ROOT + relative);
		MediaType type = MediaTypeFactory.getMediaType(relative).orElse(null);
		if (!resource.isReadable() || type == null || !"image".equals(type.getType())) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(type)
			.cacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic())
			.body(resource);
	}

	static boolean safe(String relative) {
		return !relative.isEmpty() && !relative.contains("\\") && !relative.contains(":")
				&& Arrays.stream(relative.split("/", -1)).noneMatch((s) -> s.isEmpty() || s.equals(".") || s.equals(".."));
	}

}
