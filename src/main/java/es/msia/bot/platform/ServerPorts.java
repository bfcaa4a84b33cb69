package es.msia.bot.platform;

import java.util.Arrays;

import jakarta.servlet.ServletRequest;
import org.apache.catalina.connector.Connector;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The ports this process actually listens on, read from Tomcat once it has started (so port 0 in
 * tests works), and which surface a request came in on.
 */
@Component
public class ServerPorts implements ApplicationListener<WebServerInitializedEvent> {

	/** What a port serves: the REST API, the admin panel, or only health (a lone agent). */
	public enum Surface {

		API, ADMIN, HEALTH_ONLY

	}

	private final boolean api;

	private final boolean admin;

	private volatile int mainPort = -1;

	private volatile int adminPort = -1;

	ServerPorts(Environment env) {
		this.api = env.getProperty(Role.API.property(), Boolean.class, false);
		this.admin = env.getProperty(Role.ADMIN.property(), Boolean.class, false);
	}

	@Override
	public void onApplicationEvent(WebServerInitializedEvent event) {
		mainPort = event.getWebServer().getPort();
		if (api && admin && event.getWebServer() instanceof TomcatWebServer tomcat) {
			Connector[] connectors = tomcat.getTomcat().getService().findConnectors();
			adminPort = Arrays.stream(connectors).skip(1).mapToInt(Connector::getLocalPort).findFirst().orElse(-1);
		}
		else if (admin) {
			adminPort = mainPort;
		}
	}

	/** The surface a request arrived on. */
	public Surface surfaceOf(ServletRequest request) {
		int port = request.getLocalPort();
		if (admin && port == adminPort) {
			return Surface.ADMIN;
		}
		return api ? Surface.API : Surface.HEALTH_ONLY;
	}

	/** The API port, or -1 when the api role is not running here. */
	public int apiPort() {
		return api ? mainPort : -1;
	}

	/** The admin panel port, or -1 when the admin role is not running here. */
	public int adminPort() {
		return adminPort;
	}

}
