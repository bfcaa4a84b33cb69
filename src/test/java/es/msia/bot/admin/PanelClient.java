package es.msia.bot.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser-like HTTP client of the panel: keeps its session cookie, does not follow redirects, and
 * takes the CSRF token from the pages it reads, as a form would.
 */
public final class PanelClient {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+(?:value|content)=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	private final String base;

	private String csrf = "";

	public PanelClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public HttpResponse<String> get(String path) {
		HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
		Matcher token = CSRF.matcher(response.body());
		if (token.find()) {
			csrf = token.group(1);
		}
		return response;
	}

	/** A GET as htmx sends it ({@code HX-Request: true}). */
	HttpResponse<String> getHtmx(String path) {
		return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET().build());
	}

	/** A GET whose body is binary (a stored file, a ZIP). */
	HttpResponse<byte[]> getBytes(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** A GET whose body is read line by line as it arrives (a Server-Sent Events stream). */
	HttpResponse<java.util.stream.Stream<String>> lines(String path) {
		try {
			return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream").GET().build(),
					HttpResponse.BodyHandlers.ofLines());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** POSTs as htmx does: the CSRF token in its header, {@code HX-Request: true}. */
	HttpResponse<String> postHtmx(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", csrf)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/**
	 * POSTs {@code multipart/form-data} as htmx does for a form with a file input: the text fields, one file
	 * part, the CSRF token in its header (unless {@code withCsrf} is false) and {@code HX-Request: true}.
	 */
	HttpResponse<String> postFile(String path, java.util.Map<String, String> fields, String fileField, String fileName,
			String contentType, byte[] content, boolean withCsrf) {
		String boundary = "----panel" + Long.toHexString(System.nanoTime());
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
				+ name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
				+ fileName + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("HX-Request", "true")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (withCsrf) {
			request.header("X-CSRF-TOKEN", csrf);
		}
		return send(request.build());
	}

	/** POSTs a form with the CSRF token of the last page read. */
	public HttpResponse<String> post(String path, String form) {
		return postRaw(path, form.isEmpty() ? "_csrf=" + enc(csrf) : form + "&_csrf=" + enc(csrf));
	}

	/** POSTs exactly this body: no CSRF token unless it is in the form. */
	HttpResponse<String> postRaw(String path, String form) {
		return send(HttpRequest.newBuilder(URI.create(base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build());
	}

	/** Logs in through the form; returns the response to the login POST. */
	public HttpResponse<String> login(String user, String password) {
		get("/login");
		return post("/login", "username=" + enc(user) + "&password=" + enc(password));
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> send(HttpRequest request) {
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
