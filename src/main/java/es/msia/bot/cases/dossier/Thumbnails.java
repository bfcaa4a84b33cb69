package es.msia.bot.cases.dossier;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Photos shrunk before they go into the form: a phone photo of several megabytes becomes a JPEG of a few
 * tens of kilobytes, enough to recognise it on the page (the originals travel in the ZIP). Large images are
 * subsampled while decoding, so a 12-megapixel photo is never held at full size.
 */
final class Thumbnails {

	/** Longest side in pixels: about 200 dpi at the printed size of a thumbnail. */
	static final int MAX_SIDE = 480;

	private static final float QUALITY = 0.78f;

	private Thumbnails() {
	}

	/** The downscaled image, or empty when Java cannot decode the format (HEIC, WebP) or the bytes are damaged. */
	static Optional<PDImageXObject> of(PDDocument document, byte[] bytes) throws IOException {
		Optional<BufferedImage> image = decode(bytes);
		if (image.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(JPEGFactory.createFromImage(document, shrink(image.get()), QUALITY));
	}

	static Optional<BufferedImage> decode(byte[] bytes) {
		try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
			Iterator<ImageReader> readers = in == null ? java.util.Collections.emptyIterator() : ImageIO.getImageReaders(in);
			if (!readers.hasNext()) {
				return Optional.empty();
			}
			ImageReader reader = readers.next();
			try {
				reader.setInput(in, true, true);
				int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
				ImageReadParam param = reader.getDefaultReadParam();
				int step = Math.max(1, longest / (MAX_SIDE * 2));
				param.setSourceSubsampling(step, step, 0, 0);
				return Optional.of(reader.read(0, param));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException | RuntimeException damaged) {
			return Optional.empty();
		}
	}

	/** Fits the image in {@link #MAX_SIDE} on white (transparent PNGs would turn black in a JPEG). */
	static BufferedImage shrink(BufferedImage source) {
		double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(source.getWidth(), source.getHeight()));
		int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
		int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
		BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
			g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, width, height);
			g.drawImage(source, 0, 0, width, height, null);
		}
		finally {
			g.dispose();
		}
		return out;
	}

}
