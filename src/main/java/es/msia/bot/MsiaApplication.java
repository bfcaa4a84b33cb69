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

	public static void main(String[] args) {
		SpringApplication.run(MsiaApplication.class, args);
	}

}
