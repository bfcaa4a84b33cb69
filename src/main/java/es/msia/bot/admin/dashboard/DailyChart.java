package es.msia.bot.admin.dashboard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import es.msia.bot.conversation.ConversationView;

/**
 * The 30-day chart as inline SVG, drawn on the server: bars per day (conversations, quotes, cases opened), no
 * JavaScript and no chart library. Only numbers and dates go into the markup, so it needs no escaping.
 */
final class DailyChart {

	private static final int WIDTH = 720;

	private static final int HEIGHT = 220;

	private static final int LEFT = 32;

	private static final int BOTTOM = 24;

	private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("d/M", Locale.ROOT);

	private DailyChart() {
	}

	static String svg(List<ConversationView.Day> days) {
		return svg(days, Map.of(), false);
	}

	/** Three bars per day: conversations, quotes and the cases opened that day ({@code casesPerDay}, zero when absent). */
	static String svg(List<ConversationView.Day> days, Map<LocalDate, Long> casesPerDay) {
		return svg(days, casesPerDay, true);
	}

	private static String svg(List<ConversationView.Day> days, Map<LocalDate, Long> casesPerDay, boolean withCases) {
		int series = withCases ? 3 : 2;
		long max = 1;
		for (ConversationView.Day day : days) {
			max = Math.max(max, Math.max(Math.max(day.conversations(), day.quotes()), casesPerDay.getOrDefault(day.day(), 0L)));
		}
		double plotHeight = HEIGHT - BOTTOM - 8;
		double slot = (WIDTH - LEFT) / (double) Math.max(1, days.size());
		double bar = Math.max(1, slot / series - 1);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
			.append("\" role=\"img\" aria-labelledby=\"chart-title\">");
		svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(HEIGHT - BOTTOM).append("\" x2=\"").append(WIDTH)
			.append("\" y2=\"").append(HEIGHT - BOTTOM).append("\" stroke=\"#adb5bd\"/>");
		svg.append("<text x=\"0\" y=\"14\" font-size=\"11\" fill=\"#6c757d\">").append(max).append("</text>");
		for (int i = 0; i < days.size(); i++) {
			ConversationView.Day day = days.get(i);
			double x = LEFT + i * slot;
			bar(svg, x, day.conversations(), max, plotHeight, bar, "#0d6efd");
			bar(svg, x + bar + 1, day.quotes(), max, plotHeight, bar, "#198754");
			if (withCases) {
				bar(svg, x + 2 * (bar + 1), casesPerDay.getOrDefault(day.day(), 0L), max, plotHeight, bar, "#fd7e14");
			}
			if (i % 5 == 0 || i == days.size() - 1) {
				svg.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(HEIGHT - 6)
					.append("\" font-size=\"11\" fill=\"#6c757d\">").append(LABEL.format(day.day())).append("</text>");
			}
		}
		return svg.append("</svg>").toString();
	}

	private static void bar(StringBuilder svg, double x, long value, long max, double plotHeight, double width,
			String colour) {
		double h = value * plotHeight / max;
		svg.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(fmt(HEIGHT - BOTTOM - h)).append("\" width=\"")
			.append(fmt(width)).append("\" height=\"").append(fmt(h)).append("\" fill=\"").append(colour)
			.append("\"><title>").append(value).append("</title></rect>");
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

}
