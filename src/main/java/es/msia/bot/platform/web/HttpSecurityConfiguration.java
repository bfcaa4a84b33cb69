package es.msia.bot.platform.web;

import java.util.List;
import java.util.Map;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.platform.ServerPorts.Surface;
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
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

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

	private static final long HSTS_MAX_AGE_SECONDS = 31_536_000;

	/**
	 * Headers of every response on both surfaces. HSTS is written only for secure requests, which behind
	 * the TLS proxy means X-Forwarded-Proto: https (server.forward-headers-strategy).
	 */
	private static void hardened(HeadersConfigurer<HttpSecurity> headers, String policy) {
		headers.contentSecurityPolicy(csp -> csp.policyDirectives(policy))
			.frameOptions(frame -> frame.deny())
			.contentTypeOptions(Customizer.withDefaults())
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true));
	}

	/**
	 * The API chain's headers as Spring Security's own writers (those of {@link #hardened} and its
	 * defaults), for the lean path, whose responses never pass the chain.
	 */
	static final HeaderWriter API_HEADERS = new CompositeHeaderWriter(List.of(new CacheControlHeadersWriter(),
			new XContentTypeOptionsHeaderWriter(), new HstsHeaderWriter(HSTS_MAX_AGE_SECONDS),
			new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY), new XXssProtectionHeaderWriter(),
			new ContentSecurityPolicyHeaderWriter(API_POLICY), new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN)));

	/** Panel areas open to the staff role; see {@code admin} for the pages. */
	static final String[] STAFF_AREAS = { "/search", "/conversations", "/conversations/**", "/escalations",
			"/escalations/**", "/customers", "/customers/**", "/simulator", "/simulator/**", "/cases", "/cases/**" };

}
