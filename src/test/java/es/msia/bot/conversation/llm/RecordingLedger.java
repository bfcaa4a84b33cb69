package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A ledger in memory, for tests and the eval runner (the application's is {@link LlmCalls}). */
public final class RecordingLedger implements CallLedger {

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private volatile BigDecimal spentBefore = BigDecimal.ZERO;

	/** Cost recorded earlier this month, outside this ledger. */
	public void spentBefore(BigDecimal amount) {
		this.spentBefore = amount;
	}

	@Override
	public void record(Call call) {
		calls.add(call);
	}

	@Override
	public BigDecimal spentThisMonth() {
		return calls.stream().map(Call::cost).reduce(spentBefore, BigDecimal::add);
	}

	public List<Call> calls() {
		return List.copyOf(calls);
	}

}
