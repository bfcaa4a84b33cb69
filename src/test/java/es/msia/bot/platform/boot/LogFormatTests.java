package es.msia.bot.platform.boot;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class LogFormatTests {

	static MockEnvironment agent() {
		return new MockEnvironment().withProperty("msia.roles", "agent")
			.withProperty("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/msia")
			.withProperty("REDIS_URL", "redis://127.0.0.1:6379");
	}

	@Test
	void logFormatJsonSwitchesTheConsoleToEcsJson() {
		MockEnvironment env = agent().withProperty("LOG_FORMAT", "json");

		new MsiaEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getProperty("logging.structured.format.console")).isEqualTo("ecs");
	}

	@Test
	void keepsThePlainFormatByDefault() {
		MockEnvironment env = agent();

		new MsiaEnvironmentPostProcessor().postProcessEnvironment(env, new SpringApplication());

		assertThat(env.getProperty("logging.structured.format.console")).isNull();
	}

}
