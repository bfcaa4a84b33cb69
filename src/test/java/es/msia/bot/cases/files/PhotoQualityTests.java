package es.msia.bot.cases.files;

import java.awt.image.BufferedImage;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gate's rules outside the labelled set: what it never judges, and big photos decoded subsampled. */
class PhotoQualityTests {

	final PhotoQuality gate = new PhotoQuality(PhotoThresholds.defaults());

	@Test
	void neverJudgesADocumentOrAnUnreadableFile() {
		byte[] pdf = "%PDF-1.4\n% ficha tecnica\n".getBytes();
		assertThat(gate.check(MediaType.PDF, pdf).flagged()).isFalse();
		assertThat(gate.check(MediaType.PDF, pdf).measures()).isNull();
		// A dark photo inside a PDF wrapper is still a PDF: the type decides, never the bytes' look.
		byte[] dark = PhotoSamples.jpegBytes(PhotoSamples.exposure(PhotoSamples.shapes(new Random(1), 800, 600), 0.1, false), 0.9f);
		assertThat(gate.check(MediaType.JPEG, dark).issue()).isEqualTo(PhotoQuality.Issue.TOO_DARK);
		assertThat(gate.check(MediaType.PDF, dark).flagged()).isFalse();
		assertThat(gate.check(MediaType.HEIC, dark).flagged()).isFalse();
		byte[] truncated = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4 };
		assertThat(gate.check(MediaType.JPEG, truncated).flagged()).isFalse();
		assertThat(gate.check(MediaType.JPEG, truncated).measures()).isNull();
	}

	@Test
	void judgesABigPhotoAtItsOwnSizeWhileDecodingItSubsampled() {
		// 4000×3000 with detail at its own scale (a scene drawn once at that size would be mostly flat).
		BufferedImage big = new BufferedImage(4000, 3000, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = big.createGraphics();
		for (int y = 0; y < 3000; y += 750) {
			for (int x = 0; x < 4000; x += 1000) {
				g.drawImage(PhotoSamples.shapes(new Random(x + y), 1000, 750), x, y, null);
			}
		}
		g.dispose();
		PhotoQuality.Verdict sharp = gate.check(MediaType.JPEG, PhotoSamples.jpegBytes(big, 0.85f));
		assertThat(sharp.flagged()).as(sharp.measures().describe()).isFalse();
		assertThat(sharp.measures().width()).isEqualTo(4000);
		assertThat(sharp.measures().height()).isEqualTo(3000);
		PhotoQuality.Verdict blurred = gate.check(MediaType.JPEG, PhotoSamples.jpegBytes(PhotoSamples.blur(big, 25), 0.85f));
		assertThat(blurred.issue()).as(blurred.measures().describe()).isEqualTo(PhotoQuality.Issue.BLURRED);
	}

	@Test
	void theBrowserTestsPhotoOfAGridPasses() throws java.io.IOException {
		// The same drawing as admin.BrowserTest#photo: a colour, a white disc and a grid of fine lines.
		BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
		java.awt.Graphics2D g = image.createGraphics();
		g.setColor(new java.awt.Color(30, 110, 170));
		g.fillRect(0, 0, 640, 480);
		g.setColor(java.awt.Color.WHITE);
		g.fillOval(220, 140, 200, 200);
		g.setColor(java.awt.Color.DARK_GRAY);
		for (int i = 0; i < 640; i += 16) {
			g.drawLine(i, 0, i, 479);
			g.drawLine(0, i, 639, i);
		}
		g.dispose();
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		javax.imageio.ImageIO.write(image, "jpg", out);
		PhotoQuality.Verdict verdict = gate.check(MediaType.JPEG, out.toByteArray());
		assertThat(verdict.flagged()).as(verdict.measures().describe()).isFalse();
	}

	@Test
	void aSmallPhotoIsTooSmallWhateverItsSharpness() {
		byte[] tiny = PhotoSamples.jpegBytes(PhotoSamples.shapes(new Random(3), 400, 300), 0.9f);
		assertThat(gate.check(MediaType.JPEG, tiny).issue()).isEqualTo(PhotoQuality.Issue.TOO_SMALL);
		PhotoQuality off = new PhotoQuality(new PhotoThresholds(false, 480, 640, 640, 115, 170, 13, 2));
		assertThat(off.check(MediaType.JPEG, tiny).flagged()).isFalse();
	}

}
