package es.msia.bot.shared;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An API endpoint answered ahead of Spring MVC, Spring Security and the per-request observation: the
 * platform's lean-path filter hands it the raw request on the API port, with the API's security headers
 * already set. For a hot, self-authenticating endpoint (the Chatwoot webhook, one call per customer
 * message) whose full servlet chain cost several times its own work.
 */
public interface LeanEndpoint {

	/** Whether this request is this endpoint's. */
	boolean serves(String method, String path);

	/**
	 * Answers the request completely; an exception goes to the container's error handling (a 500).
	 *
	 * @param path the request's path within the application, as {@link #serves} saw it
	 */
	void serve(String path, HttpServletRequest request, HttpServletResponse response) throws IOException;

}
