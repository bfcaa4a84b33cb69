package es.msia.bot.cases.files;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A labelled set of photos for the quality gate, generated deterministically from a seed: scenes (drawn
 * shapes with text at several sizes and texture; the catalogue's real example images tiled to photo size;
 * photos of a printed page on a desk), each in variants: sharp (clean, noisy, strongly JPEG-compressed),
 * blurred at three radii (clean, noisy, compressed), dark, overexposed and tiny. Scenes with an even index
 * form the calibration half, odd ones the held-out half, so no variant of a held-out scene is ever seen while
 * calibrating.
 */
public final class PhotoSamples {

	/** What a sample really is; {@code OK} covers sharp scenes and documents. */
	enum Label {

		OK, TOO_SMALL, TOO_DARK, TOO_BRIGHT, BLURRED;

		PhotoQuality.Issue issue() {
			return this == OK ? null : PhotoQuality.Issue.valueOf(name());
		}

	}

	record Sample(String name, Label label, boolean calibration, String mediaType, byte[] bytes) {
	}

	/** Real example photos shipped with the catalogue (wide strips and small crops). */
	static final List<String> REAL = List.of("/catalog/images/Motos/06_Sistema_Frenado/sistemaFrenado_discos.png",
			"/catalog/images/Motos/05_Suspension/suspension_trasera.png",
			"/catalog/images/Motos/07_Direccion_y_Manillar/manillar.png",
			"/catalog/images/Motos/03_Carroceria/guardabarros_delantero.png",
			"/catalog/images/Motos/10_Alumbrado_y_Senalizacion/alumbrado_faroDelantero.png",
			"/catalog/images/Motos/11_Mandos_y_Controles/mandosAvanzados.png",
			"/catalog/images/Autocaravanas/08_Portamotos/portamotos.png",
			"/catalog/images/Autocaravanas/05_Aire_Acondicionado/aireAcondicionado.png",
			"/catalog/images/Autocaravanas/04_Toldos/toldo.png",
			"/catalog/images/Autocaravanas/11_Bola_Remolque/brazoRemolque.png");

	private static final String[] WORDS = { "HOMOLOGACIÓN", "e13", "50R-01", "ESCAPE", "Akrapovič", "ref. 4521-B",
			"E9 10R-05", "MSI", "Contraseña", "ITV", "Nº motor", "Ficha técnica", "Bastidor", "Reforma", "kW", "dB(A)" };

	private static final int[][] SIZES = { { 1280, 960 }, { 1024, 768 }, { 960, 1280 }, { 1440, 1080 }, { 1200, 900 } };

	private PhotoSamples() {
	}

	/** The whole labelled set for a seed: {@code scenes} scenes of each kind, nine variants per scene. */
	static List<Sample> generate(long seed, int scenes) {
		Random random = new Random(seed);
		List<Sample> samples = new ArrayList<>();
		int index = 0;
		for (int i = 0; i < scenes; i++) {
			for (String kind : List.of("shapes", "real", "document")) {
				int[] size = SIZES[random.nextInt(SIZES.length)];
				BufferedImage scene = switch (kind) {
					case "shapes" -> shapes(random, size[0], size[1]);
					case "real" -> real(REAL.get(random.nextInt(REAL.size())), size[0], size[1]);
					default -> document(random, size[0], size[1]);
				};
				variants(samples, kind + index, scene, index % 2 == 0, random);
				index++;
			}
		}
		return samples;
	}

	private static void variants(List<Sample> out, String name, BufferedImage scene, boolean calibration, Random r) {
		int longest = Math.max(scene.getWidth(), scene.getHeight());
		out.add(jpeg(name + "-sharp", Label.OK, calibration, scene, 0.88f));
		out.add(jpeg(name + "-sharp-noise", Label.OK, calibration, noise(scene, 5 + r.nextDouble() * 7, r), 0.9f));
		out.add(jpeg(name + "-sharp-jpeg", Label.OK, calibration, scene, 0.3f + r.nextFloat() * 0.2f));
		// Blur radii relative to the photo, so a blurred 1600 px photo and a blurred 960 px one look the same.
		out.add(png(name + "-blur-s", Label.BLURRED, calibration, blur(scene, longest * 0.0035)));
		out.add(jpeg(name + "-blur-m-noise", Label.BLURRED, calibration,
				noise(blur(scene, longest * 0.005), 3 + r.nextDouble() * 5, r), 0.85f));
		out.add(jpeg(name + "-blur-l-jpeg", Label.BLURRED, calibration, blur(scene, longest * 0.008),
				0.35f + r.nextFloat() * 0.2f));
		out.add(jpeg(name + "-dark", Label.TOO_DARK, calibration, noise(exposure(scene, 0.08 + r.nextDouble() * 0.12, false), 2, r),
				0.85f));
		out.add(jpeg(name + "-bright", Label.TOO_BRIGHT, calibration, exposure(scene, 0.08 + r.nextDouble() * 0.17, true),
				0.85f));
		int tinyLongest = 160 + r.nextInt(400);
		out.add(jpeg(name + "-tiny", Label.TOO_SMALL, calibration, scaled(scene, (double) tinyLongest / longest), 0.88f));
	}

	/** Background gradient, filled and outlined shapes, text at 12–90 px, fine texture. */
	public static BufferedImage shapes(Random r, int w, int h) {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(image);
		g.setPaint(new GradientPaint(0, 0, colour(r, 60, 220), w, h, colour(r, 60, 220)));
		g.fillRect(0, 0, w, h);
		for (int i = 0; i < 6 + r.nextInt(8); i++) {
			g.setColor(colour(r, 0, 255));
			int x = r.nextInt(w);
			int y = r.nextInt(h);
			int sw = 40 + r.nextInt(w / 3);
			int sh = 40 + r.nextInt(h / 3);
			switch (r.nextInt(4)) {
				case 0 -> g.fillRect(x, y, sw, sh);
				case 1 -> g.fillOval(x, y, sw, sh);
				case 2 -> {
					g.setStroke(new BasicStroke(1 + r.nextInt(8)));
					g.drawLine(x, y, r.nextInt(w), r.nextInt(h));
				}
				default -> {
					g.setStroke(new BasicStroke(2 + r.nextInt(5)));
					g.drawOval(x, y, sw, sh);
				}
			}
		}
		// A fine texture, as metal, tarmac or fabric give.
		int tx = r.nextInt(w / 2);
		int ty = r.nextInt(h / 2);
		for (int i = 0; i < 4000; i++) {
			g.setColor(colour(r, 0, 255));
			g.fillRect(tx + r.nextInt(w / 3), ty + r.nextInt(h / 3), 1 + r.nextInt(3), 1 + r.nextInt(3));
		}
		for (int i = 0; i < 5 + r.nextInt(6); i++) {
			g.setColor(colour(r, 0, 255));
			g.setFont(new Font(Font.SANS_SERIF, r.nextBoolean() ? Font.BOLD : Font.PLAIN, 12 + r.nextInt(80)));
			g.drawString(WORDS[r.nextInt(WORDS.length)], r.nextInt(w * 3 / 4), 20 + r.nextInt(h - 20));
		}
		g.dispose();
		return image;
	}

	/** A real example image tiled at its own scale (never enlarged, which would blur it) to photo size. */
	static BufferedImage real(String resource, int w, int h) {
		BufferedImage source;
		try (InputStream in = PhotoSamples.class.getResourceAsStream(resource)) {
			source = ImageIO.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(image);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		for (int y = 0; y < h; y += source.getHeight()) {
			for (int x = 0; x < w; x += source.getWidth()) {
				g.drawImage(source, x, y, null);
			}
		}
		g.dispose();
		return image;
	}

	/** A printed page (black text on white) lying slightly turned on a desk, lit unevenly. */
	public static BufferedImage document(Random r, int w, int h) {
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(image);
		g.setPaint(new GradientPaint(0, 0, new Color(120 + r.nextInt(40), 90 + r.nextInt(30), 60 + r.nextInt(30)), w, h,
				new Color(90, 70, 50)));
		g.fillRect(0, 0, w, h);
		AffineTransform desk = g.getTransform();
		g.rotate(Math.toRadians(r.nextDouble() * 8 - 4), w / 2.0, h / 2.0);
		int pw = (int) (w * (0.7 + r.nextDouble() * 0.2));
		int ph = (int) (h * (0.75 + r.nextDouble() * 0.2));
		int px = (w - pw) / 2;
		int py = (h - ph) / 2;
		g.setPaint(new GradientPaint(px, py, new Color(250, 250, 247), px + pw, py + ph, new Color(215, 215, 210)));
		g.fillRect(px, py, pw, ph);
		g.setColor(new Color(20, 20, 25));
		int size = Math.max(11, h / 80 + r.nextInt(6));
		g.setFont(new Font(Font.SERIF, Font.BOLD, size * 2));
		g.drawString("FICHA TÉCNICA — TARJETA ITV", px + pw / 12, py + size * 3);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
		for (int y = py + size * 6; y < py + ph - size * 2; y += (int) (size * 1.6)) {
			StringBuilder line = new StringBuilder();
			while (line.length() < pw / (size * 0.6)) {
				line.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
			}
			g.drawString(line.toString(), px + pw / 12, y);
		}
		g.setTransform(desk);
		g.dispose();
		return image;
	}

	/**
	 * Gaussian blur approximated by three box blurs (the central limit theorem; within a few per cent of a true
	 * Gaussian), so that wide radii cost no more than narrow ones.
	 */
	public static BufferedImage blur(BufferedImage source, double sigma) {
		// Box width for three passes giving this sigma: w = sqrt(12 sigma^2 / 3 + 1).
		int radius = Math.max(1, (int) Math.round((Math.sqrt(4 * sigma * sigma + 1) - 1) / 2));
		int w = source.getWidth();
		int h = source.getHeight();
		int[] rgb = source.getRGB(0, 0, w, h, null, 0, w);
		float[][] channels = new float[3][w * h];
		for (int i = 0; i < rgb.length; i++) {
			channels[0][i] = (rgb[i] >> 16) & 0xFF;
			channels[1][i] = (rgb[i] >> 8) & 0xFF;
			channels[2][i] = rgb[i] & 0xFF;
		}
		for (float[] c : channels) {
			for (int pass = 0; pass < 3; pass++) {
				box(c, w, h, radius, 1, w);
				box(c, h, w, radius, w, 1);
			}
		}
		return fromChannels(w, h, channels);
	}

	/** One box pass along lines of {@code length} pixels {@code step} apart; lines start {@code lineStep} apart. */
	private static void box(float[] c, int length, int lines, int radius, int step, int lineStep) {
		float[] line = new float[length];
		for (int l = 0; l < lines; l++) {
			int base = l * lineStep;
			for (int i = 0; i < length; i++) {
				line[i] = c[base + i * step];
			}
			float sum = 0;
			for (int k = -radius; k <= radius; k++) {
				sum += line[Math.min(length - 1, Math.max(0, k))];
			}
			for (int i = 0; i < length; i++) {
				c[base + i * step] = sum / (2 * radius + 1);
				sum += line[Math.min(length - 1, i + radius + 1)] - line[Math.max(0, i - radius)];
			}
		}
	}

	static BufferedImage noise(BufferedImage source, double sigma, Random r) {
		return map(source, v -> v + r.nextGaussian() * sigma);
	}

	/** Dark: every level scaled down by {@code k}; bright: the distance to white scaled down by {@code k}. */
	public static BufferedImage exposure(BufferedImage source, double k, boolean bright) {
		return map(source, v -> bright ? 255 - (255 - v) * k : v * k);
	}

	public static BufferedImage scaled(BufferedImage source, double factor) {
		int w = Math.max(1, (int) Math.round(source.getWidth() * factor));
		int h = Math.max(1, (int) Math.round(source.getHeight() * factor));
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = graphics(image);
		g.drawImage(source.getScaledInstance(w, h, java.awt.Image.SCALE_AREA_AVERAGING), 0, 0, null);
		g.dispose();
		return image;
	}

	static Sample jpeg(String name, Label label, boolean calibration, BufferedImage image, float quality) {
		return new Sample(name, label, calibration, "image/jpeg", jpegBytes(image, quality));
	}

	static Sample png(String name, Label label, boolean calibration, BufferedImage image) {
		return new Sample(name, label, calibration, "image/png", pngBytes(image));
	}

	public static byte[] jpegBytes(BufferedImage image, float quality) {
		ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(quality);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

	static byte[] pngBytes(BufferedImage image) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	private static BufferedImage map(BufferedImage source, java.util.function.DoubleUnaryOperator f) {
		int w = source.getWidth();
		int h = source.getHeight();
		int[] rgb = source.getRGB(0, 0, w, h, null, 0, w);
		float[][] channels = new float[3][w * h];
		for (int i = 0; i < rgb.length; i++) {
			channels[0][i] = (float) f.applyAsDouble((rgb[i] >> 16) & 0xFF);
			channels[1][i] = (float) f.applyAsDouble((rgb[i] >> 8) & 0xFF);
			channels[2][i] = (float) f.applyAsDouble(rgb[i] & 0xFF);
		}
		return fromChannels(w, h, channels);
	}

	private static BufferedImage fromChannels(int w, int h, float[][] channels) {
		int[] rgb = new int[w * h];
		for (int i = 0; i < rgb.length; i++) {
			rgb[i] = clamp(channels[0][i]) << 16 | clamp(channels[1][i]) << 8 | clamp(channels[2][i]);
		}
		BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		image.setRGB(0, 0, w, h, rgb, 0, w);
		return image;
	}

	private static int clamp(float v) {
		return Math.min(255, Math.max(0, Math.round(v)));
	}

	private static Color colour(Random r, int min, int max) {
		return new Color(min + r.nextInt(max - min + 1), min + r.nextInt(max - min + 1), min + r.nextInt(max - min + 1));
	}

	private static Graphics2D graphics(BufferedImage image) {
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		return g;
	}

}
