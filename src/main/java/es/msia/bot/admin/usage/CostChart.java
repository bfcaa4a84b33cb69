package es.msia.bot.admin.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import es.msia.bot.conversation.LlmUsage;

/**
 * LLM cost per day as inline SVG, drawn on the server like the dashboard's chart: one bar per day (euros),
 * its tooltip with the day's turns, calls and tokens. Only numbers and dates go into the markup. The dashboard
 * shows the same chart.
 */
public final class CostChart {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 200;

	private static final int LEFT = 48;

	private static final int BOTTOM = 24;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d/M", Locale.ROOT);

	private CostChart() {
	}

	public static String svg(List<LlmUsage.Totals> days) {
		BigDecimal max = days.stream().map(LlmUsage.Totals::costEur).reduce(BigDecimal.ZERO, BigDecimal::max);
		double top = max.signum() == 0 ? 1 : max.doubleValue();
		double plotHeight = HEIGHT - BOTTOM - 8;
		double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
		double bar = Math.max(1, slot - 2);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"cost-chart-title\">");
		svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH)
			.append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#adb5bd\"/>");
		svg.append("<text x=\"0\" y=\"14\" font-size=\"11\" fill=\"#6c757d\">")
			.append(String.format(Locale.ROOT, "%.4f €", max.doubleValue())).append("</text>");
		for (int i = 0; i < days.size(); i++) {
			LlmUsage.Totals day = days.get(i);
			double x = LEFT + i * slot;
			double h = day.costEur().doubleValue() * plotHeight / top;
			if (day.turns() > 0 && h < 1) {
				h = 1;
			}
			svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(HEIGHT - BOTTOM - h)).append("\" width=\"")
				.append(fmt(bar)).append("\" height=\"").append(fmt(h)).append("\" fill=\"#6f42c1\"><title>")
				.append(day.key()).append(": ").append(String.format(Locale.ROOT, "%.4f €", day.costEur().doubleValue()))
				.append(", ").append(day.turns()).append(" turnos, ").append(day.calls()).append(" llamadas, ")
				.append(day.promptTokens() + day.completionTokens()).append(" tokens</title></rect>");
			if (i % 5 == 0 || i == days.size() - 1) {
				svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 6)
					.append("\" font-size=\"11\" fill=\"#6c757d\">").append(LABEL.format(LocalDate.parse(day.key())))
					.append("</text>");
			}
		}
		return svg.append("</svg>").toString();
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
