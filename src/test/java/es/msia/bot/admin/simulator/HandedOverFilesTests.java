package es.msia.bot.admin.simulator;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import es.msia.bot.admin.simulator.HandedOverFiles.HeldFile;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandedOverFilesTests {

	static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0 };

	final MutableClock clock = new MutableClock();

	final HandedOverFiles files = new HandedOverFiles(() -> 8123,
			new SimulatorSettings(5 * 1024 * 1024, Duration.ofMinutes(15), 3), clock);

	@Test
	void trustsOnlyItsOwnLiveLinksExactlyAsWritten() {
		HeldFile held = files.hold(SimulatedFileType.PNG, "a.png", PNG);
		URI link = files.link(held);

		assertThat(link.toString()).isEqualTo("http://127.0.0.1:8123/api/simulator/files/" + held.token());
		assertThat(files.serves(link)).isTrue();
		String other = held.token().substring(1) + (held.token().charAt(0) == 'A' ? 'B' : 'A');
		assertThat(files.serves(URI.create("http://127.0.0.1:8123/api/simulator/files/" + other))).isFalse();
		assertThat(files.serves(URI.create("http://127.0.0.1:8124/api/simulator/files/" + held.token()))).isFalse();
		assertThat(files.serves(URI.create("https://127.0.0.1:8123/api/simulator/files/" + held.token()))).isFalse();
		assertThat(files.serves(URI.create("http://localhost:8123/api/simulator/files/" + held.token()))).isFalse();
		assertThat(files.serves(URI.create(link + "?x=1"))).isFalse();
		assertThat(files.serves(URI.create("http://u@127.0.0.1:8123/api/simulator/files/" + held.token()))).isFalse();
		// A path Tomcat would normalise to another endpoint is not a link of this store.
		assertThat(files.serves(URI.create("http://127.0.0.1:8123/api/simulator/files/" + held.token() + "/../../../actuator/health")))
			.isFalse();
		assertThat(files.serves(URI.create("http://127.0.0.1:8123/actuator/health"))).isFalse();
	}

	@Test
	void forgetsAFileWhenItsLinkExpires() {
		HeldFile held = files.hold(SimulatedFileType.PNG, "a.png", PNG);
		clock.advance(Duration.ofMinutes(14));
		assertThat(files.find(held.token())).isPresent();

		clock.advance(Duration.ofMinutes(1));

		assertThat(files.find(held.token())).isEmpty();
		assertThat(files.serves(files.link(held))).isFalse();
	}

	@Test
	void keepsAtMostTheConfiguredNumberOfFilesDroppingTheOldest() {
		HeldFile first = files.hold(SimulatedFileType.PNG, "1.png", PNG);
		HeldFile second = files.hold(SimulatedFileType.PNG, "2.png", PNG);
		files.hold(SimulatedFileType.PNG, "3.png", PNG);
		files.hold(SimulatedFileType.PNG, "4.png", PNG);

		assertThat(files.find(first.token())).isEmpty();
		assertThat(files.find(second.token())).isPresent();
	}

	@Test
	void tokensAreUnguessable() {
		HeldFile a = files.hold(SimulatedFileType.PNG, "a.png", PNG);
		HeldFile b = files.hold(SimulatedFileType.PNG, "b.png", PNG);

		assertThat(a.token()).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(b.token());
	}

	@Test
	void recognisesPhotosAndPdfsByTheirBytesAndChecksTheDeclaredType() {
		byte[] jpeg = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0 };
		byte[] pdf = "%PDF-1.7\n".getBytes();
		byte[] webp = "RIFF\0\0\0\0WEBPVP8 ".getBytes();

		assertThat(SimulatedFileType.sniff(jpeg)).contains(SimulatedFileType.JPEG);
		assertThat(SimulatedFileType.sniff(PNG)).contains(SimulatedFileType.PNG);
		assertThat(SimulatedFileType.sniff(webp)).contains(SimulatedFileType.WEBP);
		assertThat(SimulatedFileType.sniff(pdf)).contains(SimulatedFileType.PDF);
		assertThat(SimulatedFileType.sniff("RIFF\0\0\0\0WAVEfmt ".getBytes())).isEmpty();
		assertThat(SimulatedFileType.sniff("GIF89a".getBytes())).isEmpty();
		assertThat(SimulatedFileType.sniff(new byte[0])).isEmpty();

		assertThat(SimulatedFileType.PDF.agreesWith("application/pdf")).isTrue();
		assertThat(SimulatedFileType.JPEG.agreesWith("image/jpg")).isTrue();
		assertThat(SimulatedFileType.PNG.agreesWith("application/octet-stream")).isTrue();
		assertThat(SimulatedFileType.PDF.agreesWith("image/png")).isFalse();
		assertThat(SimulatedFileType.PDF.chatwootType()).isEqualTo("file");
		assertThat(SimulatedFileType.JPEG.chatwootType()).isEqualTo("image");
	}

	@Test
	void keepsOnlyTheLastSegmentOfAnUploadedFileName() {
		assertThat(SimulatorFilesController.fileName("C:\\fotos\\trasera.jpg", SimulatedFileType.JPEG)).isEqualTo("trasera.jpg");
		assertThat(SimulatorFilesController.fileName("../../etc/passwd", SimulatedFileType.PDF)).isEqualTo("passwd");
		assertThat(SimulatorFilesController.fileName(null, SimulatedFileType.PDF)).isEqualTo("archivo.pdf");
	}

	static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-03-02T10:00:00Z");

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
