package es.msia.bot.admin.dashboard;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.conversation.ConversationView;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DailyChartTests {

	@Test
	void drawsTwoBarsPerDayScaledToTheBusiestDay() {
		LocalDate start = LocalDate.of(2026, 3, 1);
		String svg = DailyChart.svg(List.of(new ConversationView.Day(start, 4, 2),
				new ConversationView.Day(start.plusDays(1), 8, 0), new ConversationView.Day(start.plusDays(2), 0, 0)));

		assertThat(svg).startsWith("<svg").endsWith("</svg>").contains("1/3").contains(">8</text>");
		List<Double> heights = heights(svg);
		assertThat(heights).hasSize(6);
		assertThat(heights.get(2)).isEqualTo(188.0);
		assertThat(heights.get(0)).isEqualTo(94.0);
		assertThat(heights.get(1)).isEqualTo(47.0);
		assertThat(heights.get(3)).isZero();
	}

	@Test
	void anEmptyMonthStillDrawsAnAxis() {
		String svg = DailyChart.svg(List.of(new ConversationView.Day(LocalDate.of(2026, 3, 1), 0, 0)));

		assertThat(svg).contains("<line").contains("height=\"0.0\"");
	}

	@Test
	void drawsTheCasesOpenedEachDayAsAThirdBar() {
		LocalDate start = LocalDate.of(2026, 3, 1);
		String svg = DailyChart.svg(List.of(new ConversationView.Day(start, 2, 1),
				new ConversationView.Day(start.plusDays(1), 1, 0)), java.util.Map.of(start.plusDays(1), 4L));

		List<Double> heights = heights(svg);
		assertThat(heights).hasSize(6);
		assertThat(heights.get(2)).isZero();
		assertThat(heights.get(5)).isEqualTo(188.0);
		assertThat(heights.get(3)).isEqualTo(47.0);
		assertThat(svg).contains(">4</text>").contains("#fd7e14");
	}

	private static List<Double> heights(String svg) {
		Matcher m = Pattern.compile("height=\"([0-9.]+)\" fill").matcher(svg);
		List<Double> result = new java.util.ArrayList<>();
		while (m.find()) {
			result.add(Double.parseDouble(m.group(1)));
		}
		return result;
	}

}
