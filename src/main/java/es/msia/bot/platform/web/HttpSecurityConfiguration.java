package es.msia.bot.platform.web;

import java.util.Map;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.platform.ServerPorts.Surface;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two security surfaces. The API is stateless: the webhook authenticates itself with its token (and
 * HMAC), public catalogue reads are open, and admin endpoints need an admin. The panel is a
 * session-based form login with CSRF on every form; staff reach the daily-service areas, admins everything.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ServerPorts ports, MetricsAccess.Settings metrics)
			throws Exception {
		http.securityMatcher(request -> ports.surfaceOf(request) != Surface.ADMIN)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(Customizer.withDefaults())
			.headers(headers -> hardened(headers, API_POLICY))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/**").hasRole("ADMIN")
				.requestMatchers("/api/**", "/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
				.requestMatchers("/actuator/prometheus").access(new MetricsAccess(metrics))
				.anyRequest().denyAll());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain adminSecurity(HttpSecurity http) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(LockedException.class.getName(), "/login?locked"));
		http.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(failures).permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
			.headers(headers -> hardened(headers, PANEL_POLICY))
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/login", "/webjars/**", "/admin-static/**", "/favicon.ico", "/error",
						"/actuator/health/**")
				.permitAll()
				// Staff run the daily service; everything else (catalogue, settings, system, dashboard) is admin.
				.requestMatchers(HttpMethod.GET, "/").authenticated()
				.requestMatchers("/customers/*/export").hasRole("ADMIN")
				// GDPR export with files and erasure are admin-only; every user manages their own password.
				.requestMatchers("/customers/*/export.zip", "/customers/*/erase").hasRole("ADMIN")
				.requestMatchers("/account").authenticated()
				.requestMatchers(STAFF_AREAS).hasAnyRole("STAFF", "ADMIN")
				.anyRequest().hasRole("ADMIN"));
		return http.build();
	}

	/**
	 * The panel runs only its own files: htmx, Bootstrap and admin.js from this origin, no inline script or
	 * style attribute (data: images are Bootstrap's SVG icons), nothing may frame it.
	 */
	static final String PANEL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The API answers JSON; only the OpenAPI UI at /docs renders, and it sets inline styles. */
	static final String API_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

	/**
	 * Headers of every response on both surfaces. HSTS is written only for secure requests, which behind
	 * the TLS proxy means X-Forwarded-Proto: https (server.forward-headers-strategy).
	 */
	private static void hardened(HeadersConfigurer<HttpSecurity> headers, String policy) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true));
	}

	/**
	 * The same headers, written by hand for a response that never passes the security chain (the lean
	 * path): those of {@link #hardened} plus Spring Security's defaults (no caching, XSS auditor off).
	 */
	static void hardenedHeaders(HttpServletRequest request, HttpServletResponse response, String policy) {
		response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
		response.setHeader("Pragma", "no-cache");
		response.setHeader("Expires", "0");
		response.setHeader("X-Content-Type-Options", "nosniff");
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("Content-Security-Policy", policy);
		response.setHeader("Referrer-Policy", "same-origin");
	}

	/** Panel areas open to the staff role; see {@code admin} for the pages. */
	static final String[] STAFF_AREAS = { "/search", "/conversations", "/conversations/**", "/escalations",
			"/escalations/**", "/customers", "/customers/**", "/simulator", "/simulator/**", "/cases", "/cases/**" };

}
