package es.msia.bot.admin.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The panel's access log ({@code admin_access_log}), and the lockout it implies: five failed logins
 * within fifteen minutes since the last successful one lock the account until the oldest of them is
 * fifteen minutes old.
 */
@Component
public class AccessLog {

	static final int MAX_FAILURES = 5;

	static final Duration LOCKOUT = Duration.ofMinutes(15);

	/** One line of the log; {@code detail} says what an admin action was done to (account, customer id). */
	public record Entry(String username, String event, @Nullable String remoteAddr, Instant at, @Nullable String detail) {
	}

	private final JdbcClient jdbc;

	AccessLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(String username, String event, @Nullable String remoteAddr) {
		jdbc.sql("INSERT INTO admin_access_log (username, event, remote_addr) VALUES (:u, :e, :a)")
			.param("u", username)
			.param("e", event)
			.param("a", remoteAddr)
			.update();
	}

	/**
	 * Records what a panel user did to an account or to a customer's data.
	 *
	 * @param detail what it was done to (an account name, {@code customer:<id>}); never a customer's personal data
	 */
	public void action(String actor, String event, String detail) {
		jdbc.sql("INSERT INTO admin_access_log (username, event, detail) VALUES (:u, :e, :d)")
			.param("u", actor)
			.param("e", event)
			.param("d", detail)
			.update();
	}

	boolean locked(String username) {
		long failures = jdbc.sql("""
				SELECT count(*) FROM admin_access_log
				WHERE username = :u AND event = 'login_failed' AND at > now() - make_interval(secs => :window)
				  AND at > coalesce((SELECT max(at) FROM admin_access_log WHERE username = :u AND event = 'login'),
				                    '-infinity'::timestamptz)""")
			.param("u", username)
			.param("window", LOCKOUT.toSeconds())
			.query(Long.class)
			.single();
		return failures >= MAX_FAILURES;
	}

	/** The newest entries first. */
	public List<Entry> latest(int limit) {
		return jdbc.sql("SELECT username, event, remote_addr, at, detail FROM admin_access_log ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getString("username"), rs.getString("event"), rs.getString("remote_addr"),
					rs.getTimestamp("at").toInstant(), rs.getString("detail")))
			.list();
	}

}
