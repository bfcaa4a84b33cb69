package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The ledger, with this month's spend read from it at most once per {@code maxAge} instead of on every
 * turn (a SUM over the month's calls, which grows all month). This process's own calls are added as they
 * are recorded, so only other replicas' spending can be up to {@code maxAge} late: the budget may be
 * overrun by what the other agents spend in that time.
 */
final class CachedSpend implements CallLedger {

	private record Snapshot(YearMonth month, BigDecimal spent, Instant readAt) {
	}

	private final CallLedger ledger;

	private final Duration maxAge;

	private final Clock clock;

	private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

	CachedSpend(CallLedger ledger, Duration maxAge, Clock clock) {
		this.ledger = ledger;
		this.maxAge = maxAge;
		this.clock = clock;
	}

	@Override
	public void record(Call call) {
		ledger.record(call);
		snapshot.updateAndGet(s -> s == null ? null : new Snapshot(s.month(), s.spent().add(call.cost()), s.readAt()));
	}

	@Override
	public BigDecimal spentThisMonth() {
		Instant now = clock.instant();
		YearMonth month = YearMonth.from(now.atOffset(ZoneOffset.UTC));
		Snapshot current = snapshot.get();
		if (current == null || !current.month().equals(month) || !now.isBefore(current.readAt().plus(maxAge))) {
			current = new Snapshot(month, ledger.spentThisMonth(), now);
			snapshot.set(current);
		}
		return current.spent();
	}

}
