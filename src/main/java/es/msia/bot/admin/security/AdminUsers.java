package es.msia.bot.admin.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Staff accounts in {@code admin_users}. Roles are {@code admin} (everything) and {@code staff}.
 * An account with too many recent failed logins is locked (see {@link AccessLog}).
 */
@Component
class AdminUsers implements UserDetailsService {

	private final JdbcClient jdbc;

	private final AccessLog accessLog;

	AdminUsers(JdbcClient jdbc, AccessLog accessLog) {
		this.jdbc = jdbc;
		this.accessLog = accessLog;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		record Row(String username, String passwordHash, String role, boolean enabled) {
		}
		Optional<Row> row = jdbc.sql("SELECT username, password_hash, role, enabled FROM admin_users WHERE username = :u")
			.param("u", username)
			.query(Row.class)
			.optional();
		return row.map(r -> User.withUsername(r.username())
			.password(r.passwordHash())
			.authorities(AuthorityUtils.createAuthorityList("ROLE_" + r.role().toUpperCase(java.util.Locale.ROOT)))
			.disabled(!r.enabled())
			// Checked before the password: a locked account stays locked even for the right password.
			.accountLocked(accessLog.locked(r.username()))
			.build()).orElseThrow(() -> new UsernameNotFoundException("unknown user"));
	}

	boolean any() {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM admin_users)").query(Boolean.class).single();
	}

	void create(String username, String passwordHash, String role) {
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, :r) ON CONFLICT DO NOTHING")
			.param("u", username)
			.param("h", passwordHash)
			.param("r", role)
			.update();
	}

}
