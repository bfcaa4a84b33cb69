package es.msia.bot.admin.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import es.msia.bot.conversation.LlmUsage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CostChartTests {

	@Test
	void drawsOneBarPerDayScaledToTheCostliestWithItsFiguresInTheTooltip() {
		LocalDate first = LocalDate.of(2026, 11, 3);
		List<LlmUsage.Totals> days = IntStream.range(0, 30)
			.mapToObj(i -> new LlmUsage.Totals(first.plusDays(i).toString(), i == 29 ? 4 : 0, i == 29 ? 6 : 0,
					i == 29 ? 2400 : 0, i == 29 ? 50 : 0, i == 29 ? new BigDecimal("0.0736") : BigDecimal.ZERO, 0, 0, 0))
			.toList();

		String svg = CostChart.svg(days);

		assertThat(svg).startsWith("<svg").endsWith("</svg>");
		assertThat(svg.split("<rect", -1)).hasSize(31);
		assertThat(svg).contains("<title>2026-12-02: 0.0736 €, 4 turnos, 6 llamadas, 2450 tokens</title>")
			.contains("height=\"168.0\"").contains(">3/11<").contains(">2/12<");
	}

	@Test
	void drawsFlatZerosWithoutDividingByZero() {
		String svg = CostChart.svg(List.of(new LlmUsage.Totals("2026-12-02", 0, 0, 0, 0, BigDecimal.ZERO, 0, 0, 0)));

		assertThat(svg).contains("height=\"0.0\"").contains("0.0000 €").doesNotContain("NaN").doesNotContain("Infinity");
	}

}
