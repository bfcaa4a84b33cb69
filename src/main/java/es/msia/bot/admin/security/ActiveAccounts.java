package es.msia.bot.admin.security;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * A session outlives the login: an account deactivated (or given another role) while logged in must not keep
 * its old powers until the session times out. Each panel request with a session checks the account is still
 * enabled with the role it logged in with; if not, the session ends and the user is sent to the login page.
 */
@Configuration(proxyBeanMethods = false)
class ActiveAccounts implements WebMvcConfigurer, HandlerInterceptor {

	private final PanelAccounts accounts;

	ActiveAccounts(PanelAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/webjars/**", "/admin-static/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws IOException {
		HttpSession session = request.getSession(false);
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		if (session == null || user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
			return true;
		}
		String role = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.filter(a -> a.startsWith("ROLE_")).findFirst().map(a -> a.substring(5).toLowerCase(Locale.ROOT)).orElse("");
		if (accounts.active(user.getName(), role)) {
			return true;
		}
		session.invalidate();
		SecurityContextHolder.clearContext();
		response.sendRedirect(request.getContextPath() + "/login?expired");
		return false;
	}

}
