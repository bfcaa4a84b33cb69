package es.msia.bot.platform.boot;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import es.msia.bot.platform.Role;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the seed's environment variables into Spring properties before any bean exists: roles and
 * ports, the database and Redis (embedded when not configured), and a validation of every variable
 * whose mistakes would otherwise surface as a stack trace much later.
 */
public class MsiaEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "msiaDerived";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
		List<String> problems = new ArrayList<>();
		Map<String, Object> props = new LinkedHashMap<>();
		Set<Role> roles = Role.parse(env.getProperty("msia.roles", "api,agent,admin"), problems);
		roles.forEach(role -> props.put(role.property(), true));
		configurePorts(env, roles, props);
		new StartupChecks(env, problems).run();
		DatabaseUrl database = DatabaseUrl.from(env, problems);
		String redisUrl = env.getProperty("REDIS_URL", "").trim();
		if (!redisUrl.isEmpty()) {
			checkRedisUrl(redisUrl, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfiguration(problems);
		}
		Path dataDir = Path.of(env.getProperty("msia.embedded.data-dir", "data"));
		boolean ephemeral = env.getProperty("msia.embedded.ephemeral", Boolean.class, false);
		if (database == null) {
			props.put("spring.datasource.url", EmbeddedServices.postgres(dataDir, ephemeral));
			props.put("spring.datasource.username", "postgres");
			props.put("spring.datasource.password", "");
			props.put("msia.embedded.postgres", true);
		}
		else {
			props.put("spring.datasource.url", database.jdbcUrl());
			if (database.username() != null) {
				props.put("spring.datasource.username", database.username());
			}
			if (database.password() != null) {
				props.put("spring.datasource.password", database.password());
			}
		}
		// LOG_FORMAT=json: one ECS JSON object per line (MDC traceId/conversationId included), for log shippers.
		if ("json".equalsIgnoreCase(env.getProperty("LOG_FORMAT", "").trim())
				&& !env.containsProperty("logging.structured.format.console")) {
			props.put("logging.structured.format.console", "ecs");
		}
		props.put("spring.data.redis.url", redisUrl.isEmpty() ? EmbeddedServices.redis(dataDir, ephemeral) : redisUrl);
		if (redisUrl.isEmpty() && EmbeddedServices.redisDiedUncleanly()) {
			props.put("msia.embedded.redis-died-uncleanly", true);
		}
		env.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, props));
	}

	/**
	 * The main port is the API's when the api role runs, else the panel's, else a small health port for
	 * a lone agent. The panel gets a second connector when it shares the process with the API.
	 */
	private static void configurePorts(ConfigurableEnvironment env, Set<Role> roles, Map<String, Object> props) {
		int apiPort = env.getProperty("msia.api.port", Integer.class, 8000);
		int adminPort = env.getProperty("msia.admin.port", Integer.class, 3001);
		int agentPort = env.getProperty("msia.agent.port", Integer.class, 8001);
		if (roles.contains(Role.API)) {
			props.put("server.port", apiPort);
		}
		else if (roles.contains(Role.ADMIN)) {
			props.put("server.port", adminPort);
		}
		else {
			props.put("server.port", agentPort);
		}
	}

	private static void checkRedisUrl(String url, List<String> problems) {
		try {
			URI uri = URI.create(url);
			if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme()) || uri.getHost() == null) {
				problems.add("REDIS_URL: must look like redis://host:6379/0");
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add("REDIS_URL: not a valid URL (" + ex.getMessage() + ")");
		}
	}

	@Override
	public int getOrder() {
		// After the config-data processor, so values from .env and application.yaml are visible.
		return Ordered.LOWEST_PRECEDENCE - 10;
	}

}
