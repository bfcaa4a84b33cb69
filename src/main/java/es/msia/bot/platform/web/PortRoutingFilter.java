package es.msia.bot.platform.web;

import java.io.IOException;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.platform.ServerPorts.Surface;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the two surfaces apart: the API port serves only the API, its docs and health; the panel port
 * serves only the panel. Without it, one process with both roles would answer every path on both ports.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortRoutingFilter extends OncePerRequestFilter {

	private final ServerPorts ports;

	PortRoutingFilter(ServerPorts ports) {
		this.ports = ports;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (allowed(ports.surfaceOf(request), path)) {
			chain.doFilter(request, response);
		}
		else {
			// Refused before Spring Security runs (and its header writer skips error dispatches): the 404
			// gets the same hardening headers here.
			response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
			response.setHeader("X-Frame-Options", "DENY");
			response.setHeader("X-Content-Type-Options", "nosniff");
			response.setHeader("Referrer-Policy", "same-origin");
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

	static boolean allowed(Surface surface, String path) {
		// Every process (a lone agent too) is scraped by Prometheus on its own port.
		if (path.equals("/error") || path.startsWith("/actuator/health") || path.equals("/actuator/prometheus")) {
			return true;
		}
		return switch (surface) {
			case API -> isApiPath(path) || path.startsWith("/actuator/");
			case ADMIN -> !isApiPath(path);
			case HEALTH_ONLY -> false;
		};
	}

	private static boolean isApiPath(String path) {
		return path.startsWith("/api/") || path.equals("/docs") || path.startsWith("/docs/")
				|| path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs");
	}

}
