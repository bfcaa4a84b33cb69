package es.msia.bot.platform.web;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.platform.ServerPorts.Surface;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Two security surfaces. The API is stateless: the webhook authenticates itself with its token (and
 * HMAC), public catalogue reads are open, and admin endpoints need an admin. The panel is a
 * session-based form login with CSRF on every form; staff reach the daily-service areas, admins everything.
 */
@Configuration(proxyBeanMethods = false)
class HttpSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, ServerPorts ports) throws Exception {
		http.securityMatcher(request -> ports.surfaceOf(request) != Surface.ADMIN)
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.httpBasic(Customizer.withDefaults())
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/api/admin/**").hasRole("ADMIN")
				.requestMatchers("/api/**", "/docs", "/docs/**", "/swagger-ui/**", "/v3/api-docs/**").permitAll()
				.requestMatchers("/actuator/health/**", "/actuator/info", "/error").permitAll()
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
			.headers(headers -> headers.frameOptions(frame -> frame.deny()))
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

	/** Panel areas open to the staff role; see {@code admin} for the pages. */
	static final String[] STAFF_AREAS = { "/search", "/conversations", "/conversations/**", "/escalations",
			"/escalations/**", "/customers", "/customers/**", "/simulator", "/simulator/**", "/cases", "/cases/**" };

}
