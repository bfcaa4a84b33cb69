package es.msia.bot.handoff;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Counts escalations to a person by reason ({@code msia_handoffs_total} in Prometheus). */
@Component
class HandoffMetrics {

	private final MeterRegistry meters;

	HandoffMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@EventListener
	void on(HandoffStarted started) {
		meters.counter("msia.handoffs", "reason", started.reason().name().toLowerCase(java.util.Locale.ROOT)).increment();
	}

}
