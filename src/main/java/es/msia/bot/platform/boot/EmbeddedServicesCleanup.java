package es.msia.bot.platform.boot;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the embedded services when the application fails to start, whatever the reason, so that a
 * failed start leaves no PostgreSQL or Redis behind it (registered in {@code spring.factories}: the
 * failure may come before any bean exists).
 */
public class EmbeddedServicesCleanup implements ApplicationListener<ApplicationFailedEvent> {

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		// Spring would close the context only after this event: closed first, its beans stop while the
		// database and Redis they talk to are still there.
		if (event.getApplicationContext() != null) {
			event.getApplicationContext().close();
		}
		EmbeddedServices.stopAfterFailedStart();
	}

}
