package es.msia.bot.admin;

import java.util.UUID;

import es.msia.bot.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Base of the panel's tests: a fresh staff account per test (tests share the database, so names never
 * collide) and an HTTP client for the panel's port.
 */
abstract class PanelTest extends IntegrationTest {

	static final String PASSWORD = "una-contraseña-larga";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder encoder;

	/** A new active account with the role ("admin" or "staff") and {@link #PASSWORD}; returns its username. */
	String user(String role) {
		String name = role + "-" + UUID.randomUUID().toString().substring(0, 8);
		jdbc.sql("INSERT INTO admin_users (username, password_hash, role) VALUES (:u, :h, :r)")
			.param("u", name)
			.param("h", encoder.encode(PASSWORD))
			.param("r", role)
			.update();
		return name;
	}

	PanelClient panel() {
		return new PanelClient(ports.adminPort());
	}

}
