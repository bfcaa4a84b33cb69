package es.msia.bot.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Just enough {@code multipart/form-data} parsing for the fake Chatwoot to see what was uploaded. */
final class Multipart {

	record Part(String name, @Nullable String fileName, @Nullable String contentType, byte[] data) {
	}

	private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");

	private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");

	private static final Pattern FILE_NAME = Pattern.compile("filename=\"([^\"]*)\"");

	private Multipart() {
	}

	static List<Part> parse(@Nullable String contentType, byte[] body) {
		Matcher boundary = BOUNDARY.matcher(contentType == null ? "" : contentType);
		if (!boundary.find()) {
			return List.of();
		}
		// ISO-8859-1 maps bytes 1:1 to chars, so file data survives the string split.
		String text = new String(body, StandardCharsets.ISO_8859_1);
		List<Part> parts = new ArrayList<>();
		for (String chunk : text.split("--" + Pattern.quote(boundary.group(1)))) {
			int split = chunk.indexOf("\r\n\r\n");
			if (split < 0) {
				continue;
			}
			String headers = chunk.substring(0, split);
			String data = chunk.substring(split + 4);
			if (data.endsWith("\r\n")) {
				data = data.substring(0, data.length() - 2);
			}
			Matcher name = NAME.matcher(headers);
			if (!name.find()) {
				continue;
			}
			Matcher file = FILE_NAME.matcher(headers);
			parts.add(new Part(name.group(1), file.find() ? file.group(1) : null, header(headers, "content-type"),
					data.getBytes(StandardCharsets.ISO_8859_1)));
		}
		return parts;
	}

	private static @Nullable String header(String headers, String name) {
		return Arrays.stream(headers.split("\r\n"))
			.filter(line -> line.toLowerCase().startsWith(name + ":"))
			.map(line -> line.substring(name.length() + 1).trim())
			.findFirst()
			.orElse(null);
	}

}
