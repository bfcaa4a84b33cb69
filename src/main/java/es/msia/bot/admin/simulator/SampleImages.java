package es.msia.bot.admin.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The catalogue's example images shipped with the application (classpath {@code catalog/images/}, the same
 * files as MSI's {@code Imagenes/} folder): staff pick one to send as the customer's photo, and the
 * simulator shows the ones the bot sends. Listed once at start; a path is served only if it is on the list,
 * so nothing else on the classpath can be reached by name.
 */
@Component
class SampleImages {

	static final String ROOT = "catalog/images/";

	/** One image: its path under {@link #ROOT} and a label for the picker ({@code Motos · escape.png}). */
	record Sample(String path, String label) {

		String fileName() {
			return path.substring(path.lastIndexOf('/') + 1);
		}

	}

	private final Map<String, Sample> byPath = new LinkedHashMap<>();

	SampleImages() {
		try {
			Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:" + ROOT + "**/*");
			List<Sample> samples = new ArrayList<>();
			for (Resource resource : found) {
				String url = resource.getURL().toString();
				int at = url.lastIndexOf(ROOT);
				String path = at < 0 ? "" : url.substring(at + ROOT.length());
				if (resource.isReadable() && path.matches("[^/]+/.+\\.(?i:png|jpe?g|webp)")) {
					samples.add(new Sample(path, path.substring(0, path.indexOf('/')) + " · " + path.substring(path.lastIndexOf('/') + 1)));
				}
			}
			samples.stream().sorted(Comparator.comparing(Sample::path)).forEach(s -> byPath.put(s.path(), s));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<Sample> all() {
		return List.copyOf(byPath.values());
	}

	Optional<Sample> find(String path) {
		return Optional.ofNullable(byPath.get(path));
	}

	/** The image's bytes; only for a listed path. */
	Optional<byte[]> bytes(String path) {
		if (!byPath.containsKey(path)) {
			return Optional.empty();
		}
		try (InputStream in = new ClassPathResource(ROOT + path).getInputStream()) {
			return Optional.of(in.readAllBytes());
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The image a bot reply names: the outbox records an example image's reply by its file name. A name used by
	 * two categories (the ficha técnica) resolves to the first; both show the same kind of document.
	 */
	Optional<Sample> byFileName(String fileName) {
		String name = fileName.strip().toLowerCase(Locale.ROOT);
		return byPath.values().stream().filter(s -> s.fileName().toLowerCase(Locale.ROOT).equals(name)).findFirst();
	}

}
