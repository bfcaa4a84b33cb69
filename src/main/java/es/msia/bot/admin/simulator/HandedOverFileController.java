package es.msia.bot.admin.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;

import es.msia.bot.platform.ServerPorts;
import es.msia.bot.platform.ServerPorts.Surface;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves a file staff sent in the simulator to the downloader in this process, as Chatwoot's storage serves a
 * customer's photo. Only on the API port (where the link points), only to loopback clients, only by its live
 * token; anything else is a plain 404 that does not tell a wrong token from an expired one. Never cached.
 */
@RestController
@Hidden
class HandedOverFileController {

	private final HandedOverFiles files;

	private final ServerPorts ports;

	HandedOverFileController(HandedOverFiles files, ServerPorts ports) {
		this.files = files;
		this.ports = ports;
	}

	@GetMapping(HandedOverFiles.PATH + "{token}")
	ResponseEntity<byte[]> file(@PathVariable String token, HttpServletRequest request) {
		if (ports.surfaceOf(request) != Surface.API || !loopback(request.getRemoteAddr())) {
			return ResponseEntity.notFound().build();
		}
		return files.find(token)
			.map(file -> ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.type().mime()))
				.cacheControl(CacheControl.noStore())
				.header("X-Content-Type-Options", "nosniff")
				.body(file.bytes()))
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private static boolean loopback(String address) {
		try {
			return InetAddress.getByName(address).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
