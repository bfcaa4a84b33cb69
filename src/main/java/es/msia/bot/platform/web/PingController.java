package es.msia.bot.platform.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cheapest request the API serves: the same server, filters and security chain as the webhook, no
 * work behind it. Benchmarks measure the webhook against it, so the gap is the intake's own cost.
 */
@RestController
class PingController {

	@GetMapping(path = "/api/ping", produces = "text/plain")
	String ping() {
		return "pong";
	}

}
