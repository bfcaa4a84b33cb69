package es.msia.bot.platform.boot;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * The embedded services start in the background ({@link EmbeddedServices}); the data source is where
 * every role's context first needs one of them (Flyway migrates right after it), so its initialisation
 * waits for both here. Redis is first used later, when the lifecycle beans start, and it starts in a
 * fraction of PostgreSQL's time. With external services nothing was started and nothing waits.
 */
@Component
class EmbeddedServicesReadiness implements BeanPostProcessor {

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource) {
			EmbeddedServices.awaitPostgres();
			EmbeddedServices.awaitRedis();
		}
		return bean;
	}

}
