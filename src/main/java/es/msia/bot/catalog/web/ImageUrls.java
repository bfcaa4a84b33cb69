package es.msia.bot.catalog.web;

import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Maps catalogue image paths (relative to {@code shared/business/}, e.g. {@code Imagenes/Motos/x.png})
 * to absolute URLs of {@link ImagesController}; absolute because Chatwoot fetches them itself.
 */
record ImageUrls(String base) {

	static final String CATALOG_PREFIX = "Imagenes/";

	static ImageUrls current() {
		return new ImageUrls(ServletUriComponentsBuilder.fromCurrentContextPath().path(ImagesController.PATH).toUriString());
	}

	@Nullable String url(@Nullable String catalogPath) {
		if (catalogPath == null) {
			return null;
		}
		String relative = catalogPath.startsWith(CATALOG_PREFIX) ? catalogPath.substring(CATALOG_PREFIX.length())
				: catalogPath;
		return this.base + "/" + relative;
	}

}
