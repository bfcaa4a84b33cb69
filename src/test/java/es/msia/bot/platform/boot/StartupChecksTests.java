package es.msia.bot.platform.boot;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StartupChecksTests {

	@Test
	void reportsEveryProblemOnItsOwnLine() {
		MockEnvironment env = new MockEnvironment().withProperty("ADMIN_JWT_SECRET", "short")
			.withProperty("ADMIN_PASSWORD_HASH", "plain-password")
			.withProperty("CHATWOOT_API_URL", "chat.example.com")
			.withProperty("CHATWOOT_ACCOUNT_ID", "uno")
			.withProperty("DATABASE_URL", "mysql://db/msia")
			.withProperty("REDIS_URL", "localhost:6379")
			.withProperty("msia.roles", "api,worker");

		InvalidConfiguration failure = catchThrowableOfType(InvalidConfiguration.class,
				() -> new MsiaEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication()));

		assertThat(failure.problems()).containsExactlyInAnyOrder(
				"MSIA_ROLES: unknown role 'worker' (use api, agent, admin)",
				"ADMIN_JWT_SECRET: too short (5 characters); use at least 32, e.g. `openssl rand -hex 32`",
				"ADMIN_PASSWORD_HASH: not a bcrypt hash (expected $2a$/$2b$/$2y$ and 60 characters)",
				"CHATWOOT_API_URL: must be an http(s) URL (got 'chat.example.com')",
				"CHATWOOT_API_TOKEN: required when CHATWOOT_API_URL is set",
				"CHATWOOT_ACCOUNT_ID: must be a number (got 'uno')",
				"DATABASE_URL: must start with postgresql:// or jdbc:postgresql:// (got 'mysql')",
				"REDIS_URL: must look like redis://host:6379/0");
		FailureAnalysis analysis = new InvalidConfigurationAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("\n  - ADMIN_JWT_SECRET: too short").doesNotContain("Exception");
	}

	@Test
	void acceptsTheSeedsDatabaseUrlForm() {
		List<String> problems = new ArrayList<>();

		DatabaseUrl url = DatabaseUrl.parse("postgresql://msia:s%40cret@db.internal:5433/msia?sslmode=require", problems);

		assertThat(problems).isEmpty();
		assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5433/msia?sslmode=require");
		assertThat(url.username()).isEqualTo("msia");
		assertThat(url.password()).isEqualTo("s@cret");
	}

	@Test
	void acceptsJdbcUrlsAndPostgresVariables() {
		List<String> problems = new ArrayList<>();
		MockEnvironment env = new MockEnvironment().withProperty("POSTGRES_HOST", "127.0.0.1")
			.withProperty("POSTGRES_DB", "msia")
			.withProperty("POSTGRES_USER", "postgres");

		assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/msia", problems).jdbcUrl())
			.isEqualTo("jdbc:postgresql://localhost/msia");
		assertThat(DatabaseUrl.from(env, problems)).isEqualTo(
				new DatabaseUrl("jdbc:postgresql://127.0.0.1:5432/msia", "postgres", null));
		assertThat(problems).isEmpty();
	}

	@Test
	void picksThePortsFromTheRoles() {
		MockEnvironment agentOnly = new MockEnvironment().withProperty("msia.roles", "agent")
			.withProperty("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/msia")
			.withProperty("REDIS_URL", "redis://127.0.0.1:6379");

		new MsiaEnvironmentPostProcessor().postProcessEnvironment(agentOnly, new SpringApplication());

		assertThat(agentOnly.getProperty("server.port")).isEqualTo("8001");
		assertThat(agentOnly.getProperty("msia.role.agent")).isEqualTo("true");
		assertThat(agentOnly.getProperty("msia.role.api")).isNull();
		assertThat(agentOnly.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/msia");
		assertThat(agentOnly.getProperty("spring.data.redis.url")).isEqualTo("redis://127.0.0.1:6379");
	}

}
