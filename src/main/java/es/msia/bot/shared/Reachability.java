package es.msia.bot.shared;

import java.time.Instant;

/**
 * Whether an external service answered a cheap authenticated request, for the panel's Sistema page.
 *
 * @param state {@code UP} (2xx), {@code REFUSED} (answered but refused the credentials), {@code DOWN} (no answer,
 *        timeout or server error), {@code NOT_CONFIGURED} (no URL or key set)
 * @param detail short technical reason ("HTTP 401", "timeout"); empty when up or not configured
 * @param checkedAt when the request was made (results are cached for a short while)
 */
public record Reachability(State state, String detail, Instant checkedAt) {

	public enum State {

		UP, REFUSED, DOWN, NOT_CONFIGURED

	}

	public static Reachability notConfigured(Instant at) {
		return new Reachability(State.NOT_CONFIGURED, "", at);
	}

	/** From the HTTP status of the probe: 2xx up, 401/403 refused, anything else down. */
	public static Reachability ofStatus(int status, Instant at) {
		if (status >= 200 && status < 300) {
			return new Reachability(State.UP, "", at);
		}
		return new Reachability(status == 401 || status == 403 ? State.REFUSED : State.DOWN, "HTTP " + status, at);
	}

	public static Reachability down(String detail, Instant at) {
		return new Reachability(State.DOWN, detail, at);
	}

}
