package es.msia.bot.cases.files;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.jspecify.annotations.Nullable;

/**
 * The quality gate a customer's photo passes before a case step counts it: big enough, neither too dark nor
 * too bright, and not blurred. Only JPEG and PNG are judged (what {@link ImageIO} decodes); documents (PDF)
 * and other image types pass unjudged, and so does a photo that cannot be decoded: the gate asks again only
 * about what it measured.
 * <p>
 * Sharpness is the variance of the Laplacian of a grey copy scaled to {@link PhotoThresholds#analysisSide()}
 * (area average, so sensor noise is averaged away rather than aliased), after a 3×3 binomial smoothing that
 * takes out the pixel-level noise and JPEG block edges a blurred photo would otherwise score on. Big photos are
 * decoded with source subsampling, so a 48-megapixel photo never sits in memory at full size.
 */
public final class PhotoQuality {

	private final PhotoThresholds thresholds;

	public PhotoQuality(PhotoThresholds thresholds) {
		this.thresholds = thresholds;
	}

	/** Whether files of this type are judged at all (never a PDF). */
	public static boolean judges(MediaType type) {
		return type == MediaType.JPEG || type == MediaType.PNG;
	}

	/** The verdict on a stored file's bytes; unjudged when its type is not judged or it cannot be decoded. */
	public Verdict check(MediaType type, byte[] bytes) {
		if (!thresholds.enabled() || !judges(type)) {
			return Verdict.unjudged();
		}
		Measures measures = measure(bytes);
		return measures == null ? Verdict.unjudged() : judge(measures);
	}

	/** The verdict on measured numbers, in the order a customer can fix them: size, light, focus. */
	public Verdict judge(Measures m) {
		Issue issue = null;
		if (Math.min(m.width(), m.height()) < thresholds.minShortSide()
				|| Math.max(m.width(), m.height()) < thresholds.minLongSide()) {
			issue = Issue.TOO_SMALL;
		}
		else if (m.brightEnd() < thresholds.darkBrightEnd()) {
			issue = Issue.TOO_DARK;
		}
		else if (m.darkEnd() > thresholds.brightDarkEnd()) {
			issue = Issue.TOO_BRIGHT;
		}
		else if (m.sharpness() < thresholds.minSharpness()) {
			issue = Issue.BLURRED;
		}
		return new Verdict(issue, m);
	}

	/** The numbers of a JPEG or PNG, or {@code null} when it cannot be decoded. */
	public @Nullable Measures measure(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
			if (readers == null || !readers.hasNext()) {
				return null;
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int width = reader.getWidth(0);
				int height = reader.getHeight(0);
				ImageReadParam param = reader.getDefaultReadParam();
				// Keep at least twice the analysis size, so the area average below still does the smoothing.
				int step = Math.max(1, Math.max(width, height) / (2 * thresholds.analysisSide()));
				param.setSourceSubsampling(step, step, 0, 0);
				BufferedImage image = reader.read(0, param);
				return measure(width, height, grey(image));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException unreadable) {
			// A truncated or fake image is not the customer's photo quality: it is judged by staff.
			return null;
		}
	}

	private Measures measure(int width, int height, Grey grey) {
		Grey small = grey.scaledTo(thresholds.analysisSide());
		int[] histogram = new int[256];
		double sum = 0;
		for (float v : small.pixels()) {
			int level = Math.min(255, Math.max(0, Math.round(v)));
			histogram[level]++;
			sum += v;
		}
		int n = small.pixels().length;
		return new Measures(width, height, sum / n, percentile(histogram, n, 0.02), percentile(histogram, n, 0.98),
				small.smoothed().laplacianVariance());
	}

	private static double percentile(int[] histogram, int n, double share) {
		long target = (long) Math.ceil(share * n);
		long seen = 0;
		for (int level = 0; level < histogram.length; level++) {
			seen += histogram[level];
			if (seen >= target) {
				return level;
			}
		}
		return 255;
	}

	private static Grey grey(BufferedImage image) {
		int w = image.getWidth();
		int h = image.getHeight();
		float[] pixels = new float[w * h];
		int[] row = new int[w];
		for (int y = 0; y < h; y++) {
			image.getRGB(0, y, w, 1, row, 0, w);
			for (int x = 0; x < w; x++) {
				int rgb = row[x];
				// Rec. 601 luma, as JPEG itself defines brightness.
				pixels[y * w + x] = 0.299f * ((rgb >> 16) & 0xFF) + 0.587f * ((rgb >> 8) & 0xFF) + 0.114f * (rgb & 0xFF);
			}
		}
		return new Grey(w, h, pixels);
	}

	/** A grey image, 0–255 per pixel, row by row. */
	private record Grey(int width, int height, float[] pixels) {

		/** Area-averaged down to {@code side} on the longer side; never enlarged. */
		Grey scaledTo(int side) {
			int longest = Math.max(width, height);
			if (longest <= side) {
				return this;
			}
			int w = Math.max(1, Math.round((float) width * side / longest));
			int h = Math.max(1, Math.round((float) height * side / longest));
			float[] out = new float[w * h];
			for (int y = 0; y < h; y++) {
				int y0 = y * height / h;
				int y1 = Math.max(y0 + 1, (y + 1) * height / h);
				for (int x = 0; x < w; x++) {
					int x0 = x * width / w;
					int x1 = Math.max(x0 + 1, (x + 1) * width / w);
					float sum = 0;
					for (int yy = y0; yy < y1; yy++) {
						for (int xx = x0; xx < x1; xx++) {
							sum += pixels[yy * width + xx];
						}
					}
					out[y * w + x] = sum / ((y1 - y0) * (x1 - x0));
				}
			}
			return new Grey(w, h, out);
		}

		/** 3×3 binomial (1 2 1) smoothing; edges keep their pixels. */
		Grey smoothed() {
			float[] out = pixels.clone();
			for (int y = 1; y < height - 1; y++) {
				for (int x = 1; x < width - 1; x++) {
					int i = y * width + x;
					out[i] = (4 * pixels[i] + 2 * (pixels[i - 1] + pixels[i + 1] + pixels[i - width] + pixels[i + width])
							+ pixels[i - width - 1] + pixels[i - width + 1] + pixels[i + width - 1] + pixels[i + width + 1])
							/ 16;
				}
			}
			return new Grey(width, height, out);
		}

		double laplacianVariance() {
			if (width < 3 || height < 3) {
				return 0;
			}
			double sum = 0;
			double squares = 0;
			long n = 0;
			for (int y = 1; y < height - 1; y++) {
				for (int x = 1; x < width - 1; x++) {
					int i = y * width + x;
					double lap = pixels[i - 1] + pixels[i + 1] + pixels[i - width] + pixels[i + width] - 4 * pixels[i];
					sum += lap;
					squares += lap * lap;
					n++;
				}
			}
			double mean = sum / n;
			return squares / n - mean * mean;
		}

	}

	/** What is wrong with a photo; {@link #code()} is stored and names the {@code files.quality.*} text. */
	public enum Issue {

		TOO_SMALL, TOO_DARK, TOO_BRIGHT, BLURRED;

		public String code() {
			return name().toLowerCase(Locale.ROOT);
		}

		public static Issue of(String code) {
			return valueOf(code.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * The numbers measured on a photo.
	 *
	 * @param width original width in pixels
	 * @param height original height in pixels
	 * @param meanLuma mean luminance, 0–255
	 * @param darkEnd 2nd luminance percentile
	 * @param brightEnd 98th luminance percentile
	 * @param sharpness variance of the Laplacian at the analysis size
	 */
	public record Measures(int width, int height, double meanLuma, double darkEnd, double brightEnd, double sharpness) {

		/** For staff and the timeline: {@code 1600×1200 px, luz 23 (2 %–98 %: 3–60), nitidez 12.3}. */
		public String describe() {
			return String.format(Locale.ROOT, "%d×%d px, luz media %.0f (p2 %.0f, p98 %.0f), nitidez %.1f", width, height,
					meanLuma, darkEnd, brightEnd, sharpness);
		}

	}

	/**
	 * The gate's answer: the issue ({@code null} when the photo passes or was not judged) and the numbers
	 * ({@code null} when not judged).
	 */
	public record Verdict(@Nullable Issue issue, @Nullable Measures measures) {

		static Verdict unjudged() {
			return new Verdict(null, null);
		}

		public boolean flagged() {
			return issue != null;
		}

	}

}
