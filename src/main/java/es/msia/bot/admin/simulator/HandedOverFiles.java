package es.msia.bot.admin.simulator;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import es.msia.bot.cases.TrustedAttachmentSource;
import es.msia.bot.platform.ServerPorts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The files staff send as the simulated customer, handed to the agent the way Chatwoot hands over a
 * customer's photo: through a {@code data_url} the downloader fetches. There is no Chatwoot here, so the link
 * is this process's own ({@code http://127.0.0.1:<api port>/api/simulator/files/<token>}): the token is 256
 * random bits, the file is held in memory only for {@code fileLifetime} and never written anywhere public,
 * and the downloader trusts exactly the live links of this store and nothing else on this host.
 */
@Component
class HandedOverFiles implements TrustedAttachmentSource {

	static final String PATH = "/api/simulator/files/";

	private static final Pattern LINK = Pattern.compile(Pattern.quote(PATH) + "([A-Za-z0-9_-]{43})");

	/** One file held for the agent to fetch. */
	record HeldFile(String token, SimulatedFileType type, String fileName, byte[] bytes, Instant expires) {
	}

	private final Map<String, HeldFile> held = new LinkedHashMap<>();

	private final SecureRandom random = new SecureRandom();

	private final IntSupplier apiPort;

	private final SimulatorSettings settings;

	private final Clock clock;

	@Autowired
	HandedOverFiles(ServerPorts ports, SimulatorSettings settings) {
		this(ports::apiPort, settings, Clock.systemUTC());
	}

	HandedOverFiles(IntSupplier apiPort, SimulatorSettings settings, Clock clock) {
		this.apiPort = apiPort;
		this.settings = settings;
		this.clock = clock;
	}

	/** Holds a checked file and returns it with its token. */
	synchronized HeldFile hold(SimulatedFileType type, String fileName, byte[] bytes) {
		forgetExpired();
		while (held.size() >= settings.heldFiles()) {
			Iterator<String> oldest = held.keySet().iterator();
			oldest.next();
			oldest.remove();
		}
		byte[] secret = new byte[32];
		random.nextBytes(secret);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		HeldFile file = new HeldFile(token, type, fileName, bytes, clock.instant().plus(settings.fileLifetime()));
		held.put(token, file);
		return file;
	}

	/** The file behind a token, while its link lives. */
	synchronized Optional<HeldFile> find(String token) {
		forgetExpired();
		return Optional.ofNullable(held.get(token));
	}

	/** The link the webhook carries as {@code data_url}. */
	URI link(HeldFile file) {
		return URI.create("http://127.0.0.1:" + apiPort.getAsInt() + PATH + file.token());
	}

	/**
	 * Only a live link of this store, exactly as {@link #link} writes it: no other port, path, query or user
	 * info on this host (a raw {@code ..} in the path would be normalised by Tomcat into another endpoint).
	 */
	@Override
	public boolean serves(URI uri) {
		if (apiPort.getAsInt() <= 0 || !"http".equals(uri.getScheme()) || !"127.0.0.1".equals(uri.getHost())
				|| uri.getPort() != apiPort.getAsInt() || uri.getRawUserInfo() != null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || uri.getRawPath() == null) {
			return false;
		}
		Matcher link = LINK.matcher(uri.getRawPath());
		return link.matches() && find(link.group(1)).isPresent();
	}

	private void forgetExpired() {
		Instant now = clock.instant();
		held.values().removeIf(file -> !file.expires().isAfter(now));
	}

}
