package es.msia.bot.admin.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Managing the panel's accounts ({@code admin_users}): create, deactivate and reactivate, change role, reset a
 * password, and each user's own password change. The panel must never lock itself out: nobody deactivates or
 * demotes themselves, and the last active admin stays an active admin. Every change goes to the access log.
 */
@Service
public class PanelAccounts {

	/** bcrypt reads at most 72 bytes; longer passwords would be silently cut. */
	private static final int MAX_PASSWORD_BYTES = 72;

	static final int MIN_PASSWORD = 12;

	/** One account as the users page shows it. */
	public record Account(long id, String username, String role, boolean enabled, Instant createdAt,
			@Nullable Instant lastLoginAt) {
	}

	/** Why a change was refused; the message key is {@code users.error.<code>}. */
	public static final class Refused extends RuntimeException {

		private final String code;

		public Refused(String code) {
			super(code);
			this.code = code;
		}

		public String code() {
			return code;
		}

	}

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final AccessLog log;

	PanelAccounts(JdbcClient jdbc, PasswordEncoder encoder, AccessLog log) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.log = log;
	}

	public List<Account> list() {
		return jdbc.sql("""
				SELECT id, username, role, enabled, created_at,
				  (SELECT max(at) FROM admin_access_log l WHERE l.username = u.username AND l.event = 'login') AS last_login
				FROM admin_users u ORDER BY username""")
			.query((rs, n) -> new Account(rs.getLong("id"), rs.getString("username"), rs.getString("role"),
					rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
					rs.getTimestamp("last_login") == null ? null : rs.getTimestamp("last_login").toInstant()))
			.list();
	}

	public Optional<Account> find(String username) {
		return list().stream().filter(a -> a.username().equals(username)).findFirst();
	}

	@Transactional
	public void create(String actor, String username, String role, String password) {
		if (!username.matches("[A-Za-z0-9._-]{3,64}")) {
			throw new Refused("username");
		}
		checkRole(role);
		checkPassword(password);
		try {
			jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, :r)")
				.param("u", username)
				.param("h", encoder.encode(password))
				.param("r", role)
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw new Refused("taken");
		}
		log.action(actor, "user_created", username + " (" + role + ")");
	}

	@Transactional
	public void setEnabled(String actor, String username, boolean enabled) {
		Account account = existing(username);
		if (!enabled) {
			keepAnAdmin(actor, account);
		}
		jdbc.sql("UPDATE admin_users SET enabled = :e WHERE username = :u").param("e", enabled).param("u", username).update();
		log.action(actor, enabled ? "user_enabled" : "user_disabled", username);
	}

	@Transactional
	public void setRole(String actor, String username, String role) {
		checkRole(role);
		Account account = existing(username);
		if (!"admin".equals(role)) {
			keepAnAdmin(actor, account);
		}
		jdbc.sql("UPDATE admin_users SET role = :r WHERE username = :u").param("r", role).param("u", username).update();
		log.action(actor, "user_role", username + " (" + role + ")");
	}

	/**
	 * An admin sets a new password for someone who lost theirs. Not for oneself: that is Mi cuenta, which asks
	 * for the current password, so an unattended session cannot be used to take the account over.
	 */
	public void resetPassword(String actor, String username, String password) {
		existing(username);
		if (username.equals(actor)) {
			throw new Refused("selfPassword");
		}
		checkPassword(password);
		store(username, password);
		log.action(actor, "password_reset", username);
	}

	/** A user changes their own password, proving they know the current one. */
	public void changeOwnPassword(String username, String current, String password) {
		String hash = jdbc.sql("SELECT password_hash FROM admin_users WHERE username = :u").param("u", username)
			.query(String.class).optional().orElseThrow(() -> new Refused("unknown"));
		if (!encoder.matches(current, hash)) {
			throw new Refused("current");
		}
		checkPassword(password);
		store(username, password);
		log.action(username, "password_changed", username);
	}

	/** Whether the account may still use the panel with this role (checked on every request of a session). */
	boolean active(String username, String role) {
		return jdbc.sql("SELECT EXISTS (SELECT 1 FROM admin_users WHERE username = :u AND role = :r AND enabled)")
			.param("u", username)
			.param("r", role)
			.query(Boolean.class)
			.single();
	}

	private void store(String username, String password) {
		jdbc.sql("UPDATE admin_users SET password_hash = :h WHERE username = :u")
			.param("h", encoder.encode(password))
			.param("u", username)
			.update();
	}

	private void keepAnAdmin(String actor, Account account) {
		if (account.username().equals(actor)) {
			throw new Refused("self");
		}
		if ("admin".equals(account.role()) && account.enabled()) {
			// Locks every active admin row, so two admins demoting each other at once cannot both succeed: the
			// second one waits, then no longer counts the first.
			List<String> admins = jdbc.sql("SELECT username FROM admin_users WHERE role = 'admin' AND enabled FOR UPDATE")
				.query(String.class)
				.list();
			if (admins.stream().noneMatch(a -> !a.equals(account.username()))) {
				throw new Refused("lastAdmin");
			}
		}
	}

	private Account existing(String username) {
		return find(username).orElseThrow(() -> new Refused("unknown"));
	}

	private static void checkRole(String role) {
		if (!role.equals("admin") && !role.equals("staff")) {
			throw new Refused("role");
		}
	}

	private static void checkPassword(String password) {
		if (password.length() < MIN_PASSWORD || password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			throw new Refused("password");
		}
	}

}
