package es.msia.bot.conversation.llm;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachedSpendTests {

	final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-31T23:59:00Z"));

	final Clock clock = new Clock() {
		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now.get();
		}
	};

	final RecordingLedger ledger = new RecordingLedger();

	final CachedSpend spend = new CachedSpend(ledger, Duration.ofSeconds(10), clock);

	static CallLedger.Call costing(String usd) {
		return new CallLedger.Call(7, "m", 10, 2, new BigDecimal(usd), 5, "used", 1, null);
	}

	@Test
	void addsItsOwnCallsAtOnceAndOtherSpendingWhenTheSnapshotAges() {
		ledger.spentBefore(new BigDecimal("5"));
		assertThat(spend.spentThisMonth()).isEqualByComparingTo("5");

		spend.record(costing("0.25"));
		ledger.spentBefore(new BigDecimal("8")); // another replica spent 3 more
		assertThat(spend.spentThisMonth()).isEqualByComparingTo("5.25");

		now.set(now.get().plusSeconds(10));
		assertThat(spend.spentThisMonth()).isEqualByComparingTo("8.25");
	}

	@Test
	void readsAgainWhenTheMonthTurns() {
		ledger.spentBefore(new BigDecimal("5"));
		assertThat(spend.spentThisMonth()).isEqualByComparingTo("5");

		ledger.spentBefore(BigDecimal.ZERO);
		now.set(Instant.parse("2027-01-01T00:00:01Z"));
		assertThat(spend.spentThisMonth()).isEqualByComparingTo("0");
	}

}
