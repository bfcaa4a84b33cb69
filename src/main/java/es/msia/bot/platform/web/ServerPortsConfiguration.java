package es.msia.bot.platform.web;

import es.msia.bot.platform.Role;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Opens the admin panel's port as a second connector when the panel shares the process with the API.
 */
@Configuration(proxyBeanMethods = false)
class ServerPortsConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> adminConnector(Environment env) {
		return factory -> {
			boolean api = env.getProperty(Role.API.property(), Boolean.class, false);
			boolean admin = env.getProperty(Role.ADMIN.property(), Boolean.class, false);
			if (api && admin) {
				Connector connector = new Connector(TomcatServletWebServerFactory.DEFAULT_PROTOCOL);
				connector.setPort(env.getRequiredProperty("msia.admin.port", Integer.class));
				factory.addAdditionalConnectors(connector);
			}
		};
	}

}
