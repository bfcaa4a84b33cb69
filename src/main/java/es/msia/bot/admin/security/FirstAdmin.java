package es.msia.bot.admin.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there is none: from {@code ADMIN_USERNAME}/{@code ADMIN_PASSWORD_HASH},
 * or with a random password printed once, so a fresh install is never open and never locked out.
 */
@Component
class FirstAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

	private final AdminUsers users;

	private final PasswordEncoder encoder;

	private final Environment env;

	FirstAdmin(AdminUsers users, PasswordEncoder encoder, Environment env) {
		this.users = users;
		this.encoder = encoder;
		this.env = env;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.any()) {
			return;
		}
		String username = env.getProperty("msia.admin.username", "admin");
		String hash = env.getProperty("msia.admin.password-hash", "");
		if (!hash.isBlank()) {
			users.create(username, hash, "admin");
			log.info("Created admin user '{}' from ADMIN_PASSWORD_HASH", username);
			return;
		}
		byte[] random = new byte[12];
		new SecureRandom().nextBytes(random);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		users.create(username, encoder.encode(password), "admin");
		log.warn("""

				=====================================================================
				  First admin created. Log in to the panel with:
				    user:     {}
				    password: {}
				  This password is shown only once. Set ADMIN_PASSWORD_HASH to choose your own.
				=====================================================================""", username, password);
	}

}
