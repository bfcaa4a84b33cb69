package es.msia.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * MSI-a: one application whose roles (api, agent, admin) are chosen by configuration.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(systemName = "MSI-a WhatsApp agent", sharedModules = "shared")
public class MsiaApplication {

	private static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	public static void main(String[] args) {
		// On a 2-core machine the common pool gets one thread, and CompletableFuture then starts a new
		// thread for every async step: the JDK HTTP client (LLM, Chatwoot) did so on every response.
		if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
			System.setProperty(COMMON_POOL_PARALLELISM,
					Integer.toString(Math.max(2, Runtime.getRuntime().availableProcessors() - 1)));
		}
		SpringApplication.run(MsiaApplication.class, args);
	}

}
