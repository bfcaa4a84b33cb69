package es.msia.bot.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin account ({@code ADMIN_USERNAME}, {@code ADMIN_PASSWORD_HASH}) and the admin API's
 * token secret ({@code ADMIN_JWT_SECRET}).
 */
@ConfigurationProperties("msia.admin")
record AdminSettings(@DefaultValue("admin") String username, @DefaultValue("") String passwordHash,
		@DefaultValue("") String jwtSecret) {
}
