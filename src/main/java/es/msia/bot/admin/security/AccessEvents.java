package es.msia.bot.admin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Writes Spring Security's authentication events to the access log. HTTP Basic calls of the admin API
 * are logged too: they are logins with the same accounts, and guessing passwords there must lock the
 * account as well.
 */
@Component
class AccessEvents {

	private final AccessLog log;

	AccessEvents(AccessLog log) {
		this.log = log;
	}

	@EventListener
	void success(AuthenticationSuccessEvent event) {
		log.record(event.getAuthentication().getName(), "login", remote(event.getAuthentication()));
	}

	@EventListener
	void failure(AbstractAuthenticationFailureEvent event) {
		String kind = event.getException() instanceof LockedException ? "locked" : "login_failed";
		log.record(event.getAuthentication().getName(), kind, remote(event.getAuthentication()));
	}

	@EventListener
	void logout(LogoutSuccessEvent event) {
		log.record(event.getAuthentication().getName(), "logout", remote(event.getAuthentication()));
	}

	private static @Nullable String remote(Authentication authentication) {
		return authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress()
				: null;
	}

}
