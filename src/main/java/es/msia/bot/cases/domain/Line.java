package es.msia.bot.cases.domain;

import java.util.List;

/**
 * One sentence of a reply as data: a key of {@code messages/cases.properties} and its arguments. The
 * texts hold no amounts; every argument comes from the catalogue or the case.
 */
public record Line(String key, List<Object> args) {

	public Line {
		args = List.copyOf(args);
	}

	public static Line of(String key, Object... args) {
		return new Line(key, List.of(args));
	}

}
