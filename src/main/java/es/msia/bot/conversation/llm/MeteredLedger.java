package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The ledger with Prometheus metrics beside it: LLM latency by outcome, prompt and completion tokens, and
 * cost (OpenRouter credits). The table stays the source of truth for the budget; the metrics are for
 * dashboards and alerts.
 */
public class MeteredLedger implements CallLedger {

	private final CallLedger ledger;

	private final MeterRegistry meters;

	public MeteredLedger(CallLedger ledger, MeterRegistry meters) {
		this.ledger = ledger;
		this.meters = meters;
	}

	@Override
	public void record(Call call) {
		ledger.record(call);
		String model = call.model();
		if (!"failed".equals(call.outcome())) {
			meters.timer("msia.llm.duration", "model", model, "outcome", call.outcome())
				.record(call.latencyMs(), TimeUnit.MILLISECONDS);
		}
		else {
			meters.counter("msia.llm.failures", "model", model).increment();
		}
		meters.counter("msia.llm.tokens", "model", model, "type", "prompt").increment(call.promptTokens());
		meters.counter("msia.llm.tokens", "model", model, "type", "completion").increment(call.completionTokens());
		meters.counter("msia.llm.cost", "model", model).increment(call.cost().doubleValue());
	}

	@Override
	public BigDecimal spentThisMonth() {
		return ledger.spentThisMonth();
	}

}
